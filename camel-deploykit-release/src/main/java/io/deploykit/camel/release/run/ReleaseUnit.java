package io.deploykit.camel.release.run;

import java.nio.file.Path;
import java.util.List;

import io.deploykit.camel.release.manifest.ReleaseStep;
import io.deploykit.camel.release.manifest.ReleaseTarget;
import io.deploykit.camel.release.manifest.StepKind;

/**
 * One step for one scope of one target: what runs once per release and scope.
 *
 * @param wave    the wave's name
 * @param target  the target it belongs to
 * @param company the company, for a company-scoped step; null otherwise
 * @param step    the step
 * @param files   what it deploys, in order
 */
public record ReleaseUnit(String wave, ReleaseTarget target, String company, ReleaseStep step, List<Path> files) {

    /**
     * Where its effect lives: {@code release}, {@code bc/production} (apps) or {@code bc/production/CRONUS USA, Inc.};
     * the unit runs once per release and scope key, whichever target reaches it first.
     */
    public String scope() {
        return switch (step.kind().scope()) {
            case RELEASE -> step.connection();
            case ENVIRONMENT -> target.connection() + "/" + target.environment();
            case COMPANY -> target.connection() + "/" + target.environment() + "/" + company;
        };
    }

    /** The key of its record in the journal, and the deploy key its endpoint keeps its own progress under. */
    public String key(String releaseId) {
        return ReleaseRecords.unitKey(releaseId, scope(), step.number());
    }

    /** Whether the step is company-scoped, and so named by the target's company. */
    public boolean perCompany() {
        return step.kind().scope() == StepKind.Scope.COMPANY;
    }
}
