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

    static void validate(BcConfiguration config) {
        checkCredentials(config);
        if (isEmpty(config.getCompanyId()) && isEmpty(config.getCompanyName())) {
            throw new IllegalArgumentException("Set companyId or companyName: Business Central works within one company");
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
