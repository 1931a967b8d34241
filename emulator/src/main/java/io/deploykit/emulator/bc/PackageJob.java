package io.deploykit.emulator.bc;

/** The two background jobs of a configuration package. */
enum PackageJob {
    IMPORT,
    APPLY;

    @Override
    public String toString() {
        return this == IMPORT ? "import" : "apply";
    }
}
