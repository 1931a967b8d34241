package io.deploykit.camel.release.manifest;

import java.util.List;

/**
 * Where a wave deploys: an environment of a connection, and its companies. The connection's credentials are the
 * application's (the configured Camel component of that name), never the bundle's.
 *
 * @param connection   the name of the configured {@code bc} component
 * @param environment  the environment's name
 * @param companies    names or ids of companies; empty when {@code allCompanies}
 * @param allCompanies every company of the environment, as the service lists them when the release runs
 * @param companyIds   the ids of {@code companies}, in their order, once the service was asked (empty before)
 */
public record ReleaseTarget(String connection, String environment, List<String> companies, boolean allCompanies,
                            List<String> companyIds) {

    public ReleaseTarget(String connection, String environment, List<String> companies, boolean allCompanies) {
        this(connection, environment, companies, allCompanies, List.of());
    }

    /** The id of one of its companies, once resolved; null before. */
    public String companyId(String company) {
        int index = companies.indexOf(company);
        return index < 0 || index >= companyIds.size() ? null : companyIds.get(index);
    }

    /** {@code bc/sandbox}, as reports name it. */
    public String describe() {
        return connection + "/" + environment;
    }
}
