package io.deploykit.camel.release;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.release.run.ReleaseReport;
import io.deploykit.camel.release.run.UnitResult;

/** A release run in which a step failed: the report says which steps ran, which failed and which did not run. */
public class ReleaseFailedException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    private final transient ReleaseReport report;

    public ReleaseFailedException(ReleaseReport report) {
        super("Release " + report.releaseId() + " failed: " + report.count(UnitResult.Outcome.FAILED) + " step(s) failed, "
              + report.count(UnitResult.Outcome.NOT_RUN) + " not run, " + report.count(UnitResult.Outcome.DONE)
              + " done, " + report.count(UnitResult.Outcome.SKIPPED) + " skipped; first failure: "
              + report.units().stream().filter(u -> u.outcome() == UnitResult.Outcome.FAILED).findFirst()
                      .map(u -> "step " + u.unit().step().describe() + " for " + u.unit().scope() + ": " + u.detail())
                      .orElse("none"));
        this.report = report;
    }

    public ReleaseReport getReport() {
        return report;
    }
}
