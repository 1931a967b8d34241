package io.deploykit.emulator.bc.packages;

/** The two background jobs of a configuration package. */
enum BackgroundJob {
    IMPORT,
    APPLY;

    @Override
    public String toString() {
        return this == IMPORT ? "import" : "apply";
    }
}
