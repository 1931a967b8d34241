package io.deploykit.camel.bc;

import java.util.stream.Collectors;

/** Checks an endpoint's options when it is created, so a mistake fails the route at start-up, not at 3 a.m. */
final class BcEndpointValidation {

    private BcEndpointValidation() {
    }

    static void validate(BcResource resource, BcConfiguration config) {
        if (resource == null) {
            throw new IllegalArgumentException("A bc endpoint names its resource: bc:configurationPackage or bc:picture");
        }
        if (config.getOperation() == null) {
            throw new IllegalArgumentException("The operation option is required for bc:" + resource + "; one of: "
                                               + operations(resource));
        }
        if (!BcOperation.supportedBy(resource).contains(config.getOperation())) {
            throw new IllegalArgumentException("operation=" + config.getOperation().uriValue() + " is not supported by bc:"
                                               + resource + "; use one of: " + operations(resource));
        }
        require(config.getBaseUrl(), "baseUrl");
        config.validate();
        checkCredentials(config);
        if (isBlank(config.getCompanyId()) && isBlank(config.getCompanyName())) {
            throw new IllegalArgumentException("Set companyId or companyName: Business Central works within one company");
        }
    }

    /** Beyond OAuth (checked by the shared rules), on-premises servers take Basic credentials. */
    private static void checkCredentials(BcConfiguration config) {
        if (config.hasClientCredentials() && config.getTokenUrl().contains("{tenantId}") && isBlank(config.getTenantId())) {
            throw new IllegalArgumentException("tenantId is required: the tokenUrl " + config.getTokenUrl()
                                               + " contains {tenantId} (or set tokenUrl)");
        }
        if (config.hasOAuth()) {
            return;
        }
        boolean user = !isBlank(config.getUsername());
        boolean password = !isBlank(config.getPassword());
        if (user != password) {
            throw new IllegalArgumentException((user ? "username is set but password is not"
                    : "password is set but username is not") + ": Basic authentication needs both");
        }
        if (!user) {
            throw new IllegalArgumentException("No credentials for Business Central: set clientId and clientSecret (and"
                                               + " tenantId), or accessToken, or username and password (on-premises)");
        }
    }

    private static String operations(BcResource resource) {
        return BcOperation.supportedBy(resource).stream().map(BcOperation::uriValue).collect(Collectors.joining(", "));
    }

    private static void require(String value, String option) {
        if (isBlank(value)) {
            throw new IllegalArgumentException("The " + option + " option must not be empty");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
