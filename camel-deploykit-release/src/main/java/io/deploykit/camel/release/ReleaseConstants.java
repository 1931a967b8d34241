package io.deploykit.camel.release;

import org.apache.camel.spi.Metadata;

/** The headers the release endpoints set. */
public final class ReleaseConstants {

    @Metadata(label = "producer", description = "The release's id, from its manifest; for approve, the release whose"
                                                + " wave is approved.", javaType = "String")
    public static final String RELEASE_ID = "CamelReleaseId";
    @Metadata(label = "producer", description = "For approve: the name of the gated wave to approve.", javaType = "String")
    public static final String WAVE = "CamelReleaseWave";
    @Metadata(label = "producer", description = "For approve: who approves, as the log and the journal keep it"
                                                + " (default: camel).", javaType = "String")
    public static final String APPROVED_BY = "CamelReleaseApprovedBy";
    @Metadata(label = "producer", description = "Whether every step of every target was done or skipped as done"
                                                + " before (deploy).", javaType = "Boolean")
    public static final String SUCCEEDED = "CamelReleaseSucceeded";
    @Metadata(label = "producer", description = "How many steps ran in this run (deploy).", javaType = "Long")
    public static final String STEPS_DONE = "CamelReleaseStepsDone";
    @Metadata(label = "producer", description = "How many steps were skipped: done in an earlier run, or by another"
                                                + " target of this run for the same scope (deploy).", javaType = "Long")
    public static final String STEPS_SKIPPED = "CamelReleaseStepsSkipped";
    @Metadata(label = "producer", description = "How many steps failed (deploy).", javaType = "Long")
    public static final String STEPS_FAILED = "CamelReleaseStepsFailed";
    @Metadata(label = "producer", description = "How many steps did not run: after a failed step of their target, or"
                                                + " in a wave after a failed one (deploy).", javaType = "Long")
    public static final String STEPS_NOT_RUN = "CamelReleaseStepsNotRun";
    @Metadata(label = "producer", description = "The report as Markdown, with its matrix of target by step (deploy).",
              javaType = "String")
    public static final String REPORT_MARKDOWN = "CamelReleaseReportMarkdown";
    @Metadata(label = "producer", description = "The report as JSON (deploy).", javaType = "String")
    public static final String REPORT_JSON = "CamelReleaseReportJson";

    private ReleaseConstants() {
    }
}
