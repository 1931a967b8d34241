package io.deploykit.camel.bc;


import static org.apache.camel.util.ObjectHelper.isEmpty;
import static org.apache.camel.util.ObjectHelper.isNotEmpty;

/**
 * The bc rules on an endpoint's options, checked when it is created after those all components share: credentials
 * (OAuth, or Basic on-premises) and the company.
 */
final class BcEndpointValidation {

    private BcEndpointValidation() {
    }

    static void validate(BcConfiguration config, BcResource resource) {
        checkCredentials(config);
        if (resource == BcResource.app) {
            checkApps(config);
            return;
        }
        if (resource == BcResource.company) {
            return; // the environment's companies: no company of its own
        }
        if (isEmpty(config.getCompanyId()) && isEmpty(config.getCompanyName())) {
            throw new IllegalArgumentException("Set companyId or companyName: Business Central works within one company");
        }
    }

    /** Apps go through the admin center API: online only, for one environment, with its documented values. */
    private static void checkApps(BcConfiguration config) {
        if (isEmpty(config.getEnvironment())) {
            throw new IllegalArgumentException("Set environment: apps are deployed to one environment through the"
                                               + " admin center API");
        }
        if (!config.getBaseUrl().replaceAll("/+$", "").endsWith("/v2.0")) {
            throw new IllegalArgumentException("The app resource needs Business Central online: baseUrl must be the"
                                               + " v2.0 API's (such as " + BcConfiguration.DEFAULT_BASE_URL
                                               + "), whose host also serves the admin center API; it is "
                                               + config.getBaseUrl());
        }
        oneOf("deploymentSchedule", config.getDeploymentSchedule(), "Immediate", "UpdateWindow", "NextMinorUpdate",
                "NextMajorUpdate");
        oneOf("syncMode", config.getSyncMode(), "Add", "ForceSync");
    }

    private static void oneOf(String option, String value, String... allowed) {
        if (!java.util.Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", not '"
                                               + value + "'");
        }
    }

    /** Beyond OAuth (checked by the shared rules), on-premises servers take Basic credentials. */
    private static void checkCredentials(BcConfiguration config) {
        if (config.hasClientCredentials() && config.getTokenUrl().contains("{tenantId}") && isEmpty(config.getTenantId())) {
            throw new IllegalArgumentException("tenantId is required: the tokenUrl " + config.getTokenUrl()
                                               + " contains {tenantId} (or set tokenUrl)");
        }
        if (config.hasOAuth()) {
            return;
        }
        boolean user = isNotEmpty(config.getUsername());
        boolean password = isNotEmpty(config.getPassword());
        if (user != password) {
            throw new IllegalArgumentException((user ? "username is set but password is not"
                    : "password is set but username is not") + ": Basic authentication needs both");
        }
        if (!user) {
            throw new IllegalArgumentException("No credentials for Business Central: set clientId and clientSecret (and"
                                               + " tenantId), or accessToken, or username and password (on-premises)");
        }
    }
}
