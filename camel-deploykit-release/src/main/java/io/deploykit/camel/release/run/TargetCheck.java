package io.deploykit.camel.release.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;

import io.deploykit.camel.bc.BcComponent;
import io.deploykit.camel.bc.model.Company;
import io.deploykit.camel.core.support.Failures;
import io.deploykit.camel.reactor.ReactorComponent;
import io.deploykit.camel.release.InvalidReleaseException;
import io.deploykit.camel.release.ValidRelease;
import io.deploykit.camel.release.manifest.ReleaseManifest;
import io.deploykit.camel.release.manifest.ReleaseStep;
import io.deploykit.camel.release.manifest.ReleaseTarget;
import io.deploykit.camel.release.manifest.ReleaseWave;
import io.deploykit.camel.release.manifest.StepKind;

/**
 * The checks a release needs from the application and the services before its first deploy: every connection is a
 * configured component of the right kind, every environment answers, every company exists there (by name or id);
 * {@code companies: all} becomes the environment's companies. Every problem is reported at once; one company list is
 * read per connection and environment.
 */
final class TargetCheck {

    private final CamelContext camel;
    private final EndpointCalls calls;

    TargetCheck(CamelContext camel, EndpointCalls calls) {
        this.camel = camel;
        this.calls = calls;
    }

    /** The release with its targets' companies resolved; fails with every problem found. */
    CompletableFuture<ValidRelease> resolve(ValidRelease release) {
        ReleaseManifest manifest = release.manifest();
        List<String> problems = new ArrayList<>();
        for (ReleaseStep step : manifest.steps()) {
            requireComponent(step.connection(), step.kind() == StepKind.extension ? ReactorComponent.class
                    : BcComponent.class, "step " + step.describe(), problems);
        }
        Map<String, CompletableFuture<Optional<List<Company>>>> lists = new LinkedHashMap<>();
        for (ReleaseWave wave : manifest.waves()) {
            for (ReleaseTarget target : wave.targets()) {
                if (requireComponent(target.connection(), BcComponent.class, "wave " + wave.name(), problems)) {
                    lists.computeIfAbsent(target.describe(), key -> companies(target, problems));
                }
            }
        }
        return CompletableFuture.allOf(lists.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ReleaseWave> waves = new ArrayList<>();
            for (ReleaseWave wave : manifest.waves()) {
                List<ReleaseTarget> targets = new ArrayList<>();
                for (ReleaseTarget target : wave.targets()) {
                    Optional<List<Company>> known = lists.containsKey(target.describe())
                            ? lists.get(target.describe()).join() : Optional.empty();
                    targets.add(known.map(companies -> resolved(wave, target, companies, problems)).orElse(target));
                }
                waves.add(new ReleaseWave(wave.name(), List.copyOf(targets), wave.approvalTimeout()));
            }
            synchronized (problems) {
                if (!problems.isEmpty()) {
                    throw new InvalidReleaseException(manifest.id(), problems);
                }
            }
            return new ValidRelease(release.bundle(), new ReleaseManifest(manifest.id(), manifest.steps(),
                    List.copyOf(waves)), release.filesByStep());
        });
    }

    private boolean requireComponent(String name, Class<? extends Component> kind, String where, List<String> problems) {
        Component component = camel.hasComponent(name);
        if (component == null || !kind.isInstance(component)) {
            synchronized (problems) {
                problems.add(where + ": connection '" + name + "' is not configured: the application has no "
                             + (kind == BcComponent.class ? "bc" : "reactor") + " component named '" + name + "'"
                             + " (its credentials belong in the application's configuration, never in the release)");
            }
            return false;
        }
        return true;
    }

    /** The environment's companies; empty, with the problem recorded, when the environment cannot be read. */
    private CompletableFuture<Optional<List<Company>>> companies(ReleaseTarget target, List<String> problems) {
        String uri = target.connection() + ":company?operation=list&environment=" + ReleaseRunner.encode(target.environment());
        return calls.send(uri, exchange -> { }).thenApply(exchange -> {
            if (exchange.getException() != null) {
                synchronized (problems) {
                    problems.add(target.describe() + ": cannot list the environment's companies: "
                                 + Failures.message(exchange.getException()));
                }
                return Optional.<List<Company>>empty();
            }
            @SuppressWarnings("unchecked")
            List<Company> companies = exchange.getMessage().getBody(List.class);
            return Optional.of(companies);
        });
    }

    private static ReleaseTarget resolved(ReleaseWave wave, ReleaseTarget target, List<Company> companies,
                                          List<String> problems) {
        if (target.allCompanies()) {
            if (companies.isEmpty()) {
                synchronized (problems) {
                    problems.add("wave " + wave.name() + ": " + target.describe() + " has no company");
                }
            }
            return new ReleaseTarget(target.connection(), target.environment(),
                    companies.stream().map(Company::name).toList(), false, companies.stream().map(Company::id).toList());
        }
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String wanted : target.companies()) {
            Optional<Company> found = companies.stream()
                    .filter(c -> wanted.equals(c.name()) || wanted.equalsIgnoreCase(c.id())).findFirst();
            if (found.isEmpty()) {
                synchronized (problems) {
                    problems.add("wave " + wave.name() + ": no company '" + wanted + "' in " + target.describe()
                                 + " (names are case-sensitive; there are " + companies.stream().map(Company::name)
                                         .toList() + ")");
                }
            } else {
                names.add(found.get().name());
                ids.add(found.get().id());
            }
        }
        return new ReleaseTarget(target.connection(), target.environment(), List.copyOf(names), false,
                List.copyOf(ids));
    }
}
