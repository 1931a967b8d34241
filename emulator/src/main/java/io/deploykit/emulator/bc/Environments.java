package io.deploykit.emulator.bc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.deploykit.emulator.bc.apps.Apps;
import io.deploykit.emulator.bc.companies.Companies;

/**
 * The tenant's environments (such as a production one and its sandboxes), each with its companies and its apps; the
 * first is the default, which the on-premises root and the emulator's shortcuts serve. More can be added while the
 * emulator runs (admin routes, CLI). Names compare without regard to case, as Business Central's do.
 */
public final class Environments {

    private final String defaultName;
    private final Companies companies;
    private final Function<String, Apps> newApps;
    private final List<String> names = new CopyOnWriteArrayList<>();
    private final Map<String, Apps> apps = new ConcurrentHashMap<>();

    Environments(String tenant, String defaultName, Function<String, Apps> newApps) {
        this.defaultName = defaultName;
        this.companies = new Companies(tenant, defaultName);
        this.newApps = newApps;
        add(defaultName);
    }

    /** Adds an environment with the demo companies. */
    public synchronized void add(String name) {
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("An environment's name is one path segment: '" + name + "'");
        }
        if (exists(name)) {
            throw new IllegalArgumentException("The tenant has an environment named '" + canonical(name) + "' already");
        }
        names.add(name);
        apps.put(key(name), newApps.apply(name));
        companies.addEnvironment(name);
    }

    public boolean exists(String name) {
        return name != null && apps.containsKey(key(name));
    }

    /** The name as it was created, for a name in any case. */
    public String canonical(String name) {
        return names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public String defaultName() {
        return defaultName;
    }

    /** The apps of an environment, if the tenant has it. */
    public Optional<Apps> apps(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(apps.get(key(name)));
    }

    public Companies companies() {
        return companies;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
