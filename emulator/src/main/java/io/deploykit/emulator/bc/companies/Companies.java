package io.deploykit.emulator.bc.companies;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import io.deploykit.emulator.bc.odata.ODataErrors;
import io.deploykit.emulator.http.Exchange;

/**
 * The companies of the tenant's environments, each in one environment; the default environment is the one the
 * on-premises root (no environment in the path) serves.
 */
public final class Companies {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String tenant;
    private final String defaultEnvironment;
    private final List<CompanyData> all = new CopyOnWriteArrayList<>();

    public Companies(String tenant, String defaultEnvironment) {
        this.tenant = tenant;
        this.defaultEnvironment = defaultEnvironment;
    }

    /** Adds the demo companies of a new environment. */
    public void addEnvironment(String environment) {
        DemoData.COMPANY_NAMES.forEach(name -> add(environment, name));
    }

    /** Adds a company with the demo records (items, customers, ...) to an environment. */
    public synchronized CompanyData add(String environment, String name) {
        if (byName(environment, name).isPresent()) {
            throw new IllegalArgumentException("Environment " + environment + " has a company named '" + name
                                               + "' already");
        }
        CompanyData company = DemoData.company(tenant, environment, name);
        all.add(company);
        return company;
    }

    /** The companies of the default environment. */
    public List<CompanyData> all() {
        return in(defaultEnvironment);
    }

    /** The companies of an environment, in the order they were added; null names the default environment. */
    public List<CompanyData> in(String environment) {
        String env = environment == null ? defaultEnvironment : environment;
        return all.stream().filter(company -> company.environment().equalsIgnoreCase(env)).toList();
    }

    /**
     * The company with this id in this environment (null: the default one): 400 when the key is not a GUID, 404
     * when that environment has no company with it.
     */
    public CompanyData require(String id, String environment) {
        requireGuid(id);
        return in(environment).stream().filter(company -> company.company().id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> ODataErrors.notFound("The company with id " + id + " does not exist"));
    }

    /** The company a request names, in the environment its path names: see {@link #require(String, String)}. */
    public CompanyData require(Exchange exchange) {
        return require(exchange.pathParam("company"), exchange.pathParam("environment"));
    }

    /** A company of any environment, by id (ids derive from the environment: one company has it at most). */
    public Optional<CompanyData> byId(String id) {
        return all.stream().filter(company -> company.company().id().equalsIgnoreCase(id)).findFirst();
    }

    public Optional<CompanyData> byName(String environment, String name) {
        return in(environment).stream().filter(company -> company.company().name().equals(name)).findFirst();
    }

    public Optional<CompanyData> byName(String name) {
        return byName(null, name);
    }

    /** Entity keys of the API are GUIDs; anything else is a malformed request, not a missing entity. */
    public static void requireGuid(String key) {
        if (!GUID.matcher(key).matches()) {
            throw ODataErrors.badRequest("The key '" + key + "' is not a valid GUID");
        }
    }
}
