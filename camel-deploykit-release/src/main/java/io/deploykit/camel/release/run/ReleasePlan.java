package io.deploykit.camel.release.run;

import java.util.ArrayList;
import java.util.List;

import io.deploykit.camel.release.InvalidReleaseException;
import io.deploykit.camel.release.ValidRelease;
import io.deploykit.camel.release.manifest.ReleaseStep;
import io.deploykit.camel.release.manifest.ReleaseTarget;
import io.deploykit.camel.release.manifest.ReleaseWave;
import io.deploykit.camel.release.manifest.StepKind;

/**
 * What a release runs: per wave, per target, its units in the manifest's step order (a company-scoped step once per
 * company of the target, in the listed order of the companies).
 */
public final class ReleasePlan {

    /** One target's units, run in order; the target stops at its first failed unit. */
    public record TargetPlan(String wave, ReleaseTarget target, List<ReleaseUnit> units) {
    }

    private ReleasePlan() {
    }

    /** @return per wave, in order, its targets' plans */
    public static List<List<TargetPlan>> of(ValidRelease release) {
        List<List<TargetPlan>> waves = new ArrayList<>();
        for (ReleaseWave wave : release.manifest().waves()) {
            List<TargetPlan> targets = new ArrayList<>();
            for (ReleaseTarget target : wave.targets()) {
                if (target.allCompanies()) { // the runner resolves 'all' against the service before it plans
                    throw new InvalidReleaseException(release.manifest().id(), List.of("wave " + wave.name() + ": "
                            + target.describe() + ": 'companies: all' was not resolved to the environment's companies"));
                }
                List<ReleaseUnit> units = new ArrayList<>();
                for (ReleaseStep step : release.manifest().steps()) {
                    if (step.kind().scope() == StepKind.Scope.COMPANY) {
                        target.companies().forEach(company -> units.add(new ReleaseUnit(wave.name(), target, company,
                                step, release.files(step))));
                    } else {
                        units.add(new ReleaseUnit(wave.name(), target, null, step, release.files(step)));
                    }
                }
                targets.add(new TargetPlan(wave.name(), target, List.copyOf(units)));
            }
            waves.add(List.copyOf(targets));
        }
        return List.copyOf(waves);
    }
}
