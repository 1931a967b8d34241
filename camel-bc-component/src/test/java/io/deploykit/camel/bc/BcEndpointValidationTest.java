package io.deploykit.camel.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

/** Mistakes in the options fail when the endpoint is created, naming the option. */
class BcEndpointValidationTest extends BcTestSupport {

    private String refusal(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        return assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage();
    }

    @Test
    void missingCredentialsAreRefused() {
        String message = refusal("bc:configurationPackage?operation=list&clientId=&clientSecret=");
        assertTrue(message.contains("No credentials") && message.contains("clientSecret"), message);
    }

    @Test
    void halfACredentialIsRefused() {
        assertTrue(refusal("bc:configurationPackage?operation=list&clientSecret=").contains("clientSecret is not"));
        assertTrue(refusal("bc:configurationPackage?operation=list&clientId=&clientSecret=&username=admin")
                .contains("password is not"));
    }

    @Test
    void theDefaultTokenUrlNeedsTheTenant() {
        String message = refusal("bc:configurationPackage?operation=list&tenantId=&tokenUrl="
                                 + BcConfiguration.DEFAULT_TOKEN_URL);
        assertTrue(message.contains("tenantId"), message);
    }

    @Test
    void aCompanyIsRequired() {
        assertTrue(refusal("bc:configurationPackage?operation=list&companyName=").contains("companyId or companyName"));
    }

    @Test
    void theOperationMustSuitTheResource() {
        assertTrue(refusal("bc:configurationPackage").contains("operation option is required"));
        String message = refusal("bc:picture?operation=deploy");
        assertTrue(message.contains("operation=deploy") && message.contains("getContent"), message);
        assertTrue(refusal("bc:configurationPackage?operation=getContent").contains("bc:configurationPackage"));
    }

    @Test
    void theOperationHeaderIsRefusedInTheSameWordsAsTheOption() {
        Exception e = send("bc:picture?operation=get", null, BcConstants.OPERATION, "deploy").getException();
        assertTrue(e.getMessage().contains("header CamelBcOperation=deploy is not supported by bc:picture; use one of: get,"
                                           + " delete, getContent, update"), e.getMessage());
        String option = refusal("bc:picture?operation=deploy");
        assertTrue(option.contains("operation=deploy is not supported by bc:picture; use one of: get, delete, getContent,"
                                   + " update"), option);
    }

    @Test
    void plainHttpIsRefusedExceptToLoopbackOrWhenAllowed() {
        String baseUrl = refusal("bc:configurationPackage?operation=list&baseUrl=http://api.example.com/v2.0");
        assertTrue(baseUrl.contains("baseUrl") && baseUrl.contains("clear text") && baseUrl.contains("allowPlainHttp"), baseUrl);
        String tokenUrl = refusal("bc:configurationPackage?operation=list&tokenUrl=http://login.example.com/{tenantId}/token");
        assertTrue(tokenUrl.contains("tokenUrl") && tokenUrl.contains("login.example.com"), tokenUrl);
        assertTrue(refusal("bc:configurationPackage?operation=list&baseUrl=ftp://api.example.com/v2.0").contains("https://"));

        for (String loopback : new String[] { "http://localhost:7048/v2.0", "http://127.0.0.1:7048/v2.0", "http://[::1]:7048/v2.0" }) {
            context.getEndpoint("bc:configurationPackage?operation=list&baseUrl=" + loopback, BcEndpoint.class);
        }
        BcEndpoint allowed = context.getEndpoint("bc:configurationPackage?operation=list&allowPlainHttp=true"
                                                 + "&baseUrl=http://bc.internal.example:7048/BC", BcEndpoint.class);
        assertTrue(allowed.getConfiguration().isAllowPlainHttp());
        context.getEndpoint("bc:configurationPackage?operation=list&baseUrl=https://api.businesscentral.dynamics.com/v2.0",
                BcEndpoint.class);
    }

    @Test
    void durationsAcceptUnitsAndMustBePositive() {
        BcEndpoint endpoint = context.getEndpoint("bc:configurationPackage?operation=import&pollInterval=2s&timeout=5m",
                BcEndpoint.class);
        assertEquals(2_000, endpoint.getConfiguration().getPollInterval());
        assertEquals(300_000, endpoint.getConfiguration().getTimeout());
        assertTrue(refusal("bc:configurationPackage?operation=import&pollInterval=0").contains("pollInterval"));
    }

    @Test
    void importIsSpelledAsInTheApi() {
        BcEndpoint endpoint = context.getEndpoint("bc:configurationPackage?operation=import", BcEndpoint.class);
        assertEquals(BcOperation.Import, endpoint.getConfiguration().getOperation());
        assertEquals("import", endpoint.getConfiguration().getOperation().uriValue());
    }

    @Test
    void theServiceRootFollowsTheOnlineAndOnPremisesForms() {
        BcEndpoint online = context.getEndpoint("bc:configurationPackage?operation=list&baseUrl=https://api.example/v2.0/",
                BcEndpoint.class);
        assertEquals("https://api.example/v2.0/" + TENANT + "/" + ENVIRONMENT, online.serviceRoot());
        BcEndpoint onPremises = context.getEndpoint("bc:configurationPackage?operation=list&baseUrl=https://bc.local:7048/BC"
                                                    + "&tenantId=&environment=&clientId=&clientSecret=&username=u&password=p",
                BcEndpoint.class);
        assertEquals("https://bc.local:7048/BC", onPremises.serviceRoot());
    }
}
