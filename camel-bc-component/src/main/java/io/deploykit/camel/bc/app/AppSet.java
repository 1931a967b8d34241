package io.deploykit.camel.bc.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Several apps deployed together, put in dependency order before anything is sent: an app comes after the apps of
 * the set it depends on. Fails, naming the apps, on a cycle, on two files of one app, and on a dependency that
 * neither the set (at its minimum version or higher) nor the environment's installed apps satisfy.
 */
public final class AppSet {

    /** One file of the set and what its manifest says. */
    public record Member<T>(T file, AppManifest manifest) {
    }

    private AppSet() {
    }

    /**
     * @param given     the apps, in the order ties keep (such as by file name)
     * @param installed the environment's installed apps: version by app id
     */
    public static <T> List<Member<T>> order(List<Member<T>> given, Map<String, AppVersion> installed) {
        Map<String, Member<T>> byId = new LinkedHashMap<>();
        for (Member<T> member : given) {
            Member<T> other = byId.put(key(member.manifest().id()), member);
            if (other != null) {
                throw new InvalidAppException("Two files of the set are app " + member.manifest().id() + ": "
                                              + other.manifest().describe() + " and " + member.manifest().describe()
                                              + "; deploy one version at a time");
            }
        }
        Map<String, AppVersion> installedById = new LinkedHashMap<>();
        installed.forEach((id, version) -> installedById.put(key(id), version));
        for (Member<T> member : given) {
            for (AppManifest.Dependency dependency : member.manifest().dependencies()) {
                requireSatisfied(member.manifest(), dependency, byId, installedById);
            }
        }
        List<Member<T>> ordered = new ArrayList<>();
        Map<String, Boolean> visiting = new LinkedHashMap<>(); // true while on the path, false once placed
        for (Member<T> member : given) {
            place(member, byId, visiting, ordered, new ArrayList<>());
        }
        return ordered;
    }

    private static <T> void requireSatisfied(AppManifest app, AppManifest.Dependency dependency,
                                             Map<String, Member<T>> byId, Map<String, AppVersion> installed) {
        Optional<AppVersion> inSet = Optional.ofNullable(byId.get(key(dependency.id())))
                .map(member -> member.manifest().version());
        Optional<AppVersion> onEnvironment = Optional.ofNullable(installed.get(key(dependency.id())));
        boolean satisfied = inSet.filter(v -> v.compareTo(dependency.minVersion()) >= 0).isPresent()
                            || onEnvironment.filter(v -> v.compareTo(dependency.minVersion()) >= 0).isPresent();
        if (!satisfied) {
            throw new InvalidAppException(app.describe() + " needs " + dependency.name() + " by "
                                          + dependency.publisher() + " " + dependency.minVersion() + " or later ("
                                          + dependency.id() + "), which is neither in the set"
                                          + inSet.map(v -> " (it has " + v + ")").orElse("")
                                          + " nor installed" + onEnvironment.map(v -> " (" + v + " is)").orElse("")
                                          + "; nothing was uploaded");
        }
    }

    private static <T> void place(Member<T> member, Map<String, Member<T>> byId, Map<String, Boolean> visiting,
                                  List<Member<T>> ordered, List<String> path) {
        String id = key(member.manifest().id());
        Boolean state = visiting.get(id);
        if (Boolean.FALSE.equals(state)) {
            return;
        }
        path.add(member.manifest().name());
        if (Boolean.TRUE.equals(state)) {
            throw new InvalidAppException("The apps of the set depend on each other in a cycle: "
                                          + String.join(" -> ", path) + "; nothing was uploaded");
        }
        visiting.put(id, true);
        for (AppManifest.Dependency dependency : member.manifest().dependencies()) {
            Member<T> needed = byId.get(key(dependency.id()));
            if (needed != null) {
                place(needed, byId, visiting, ordered, path);
            }
        }
        visiting.put(id, false);
        path.remove(path.size() - 1);
        ordered.add(member);
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
