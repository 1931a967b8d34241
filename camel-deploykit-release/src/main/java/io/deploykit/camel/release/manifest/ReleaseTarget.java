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
 */
public record ReleaseTarget(String connection, String environment, List<String> companies, boolean allCompanies) {

    /** {@code bc/sandbox}, as reports name it. */
    public String describe() {
        return connection + "/" + environment;
    }
}
