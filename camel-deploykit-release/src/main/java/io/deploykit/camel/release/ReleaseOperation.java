package io.deploykit.camel.release;

/** What a release endpoint does with the release its message names. */
public enum ReleaseOperation {
    /** Validates the release as a whole, then runs it: the body becomes its report. */
    deploy,
    /** Validates the release as a whole and sends nothing: the body becomes its manifest. */
    validate,
    /** Approves a gated wave of a release (headers CamelReleaseId and CamelReleaseWave). */
    approve
}
