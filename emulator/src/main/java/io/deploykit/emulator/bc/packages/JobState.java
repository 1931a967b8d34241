package io.deploykit.emulator.bc.packages;

/** The import and apply statuses of a configuration package, with the exact strings of the API. */
enum JobState {
    NO("No"),
    SCHEDULED("Scheduled"),
    IN_PROGRESS("InProgress"),
    COMPLETED("Completed"),
    ERROR("Error");

    private final String text;

    JobState(String text) {
        this.text = text;
    }

    boolean running() {
        return this == SCHEDULED || this == IN_PROGRESS;
    }

    @Override
    public String toString() {
        return text;
    }
}
