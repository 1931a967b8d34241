package io.deploykit.emulator.junit5;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach a running Business Central emulator with the {@code bc:} component.
 *
 * @param baseUrl      the {@code bc:} baseUrl option, {@code http://127.0.0.1:PORT/v2.0}
 * @param tokenUrl     the Entra token endpoint, {@code http://127.0.0.1:PORT/{tenant}/oauth2/v2.0/token}
 * @param tenantId     the tenant
 * @param environment  the environment
 * @param clientId     the client that may ask for tokens (the first configured, or the emulator's default)
 * @param clientSecret its secret
 * @param companyName  the company deploys go to, one of the emulator's demo companies
 * @param companyId    that company's id
 */
public record BcConnection(String baseUrl, String tokenUrl, String tenantId, String environment, String clientId,
                           String clientSecret, String companyName, String companyId) implements EmulatorConnection {

    /**
     * The {@code bc:} options {@code baseUrl}, {@code tokenUrl}, {@code tenantId}, {@code environment},
     * {@code companyName}, {@code clientId} and {@code clientSecret}, in a new mutable map.
     */
    @Override
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("baseUrl", baseUrl);
        options.put("tokenUrl", tokenUrl);
        options.put("tenantId", tenantId);
        options.put("environment", environment);
        options.put("companyName", companyName);
        options.put("clientId", clientId);
        options.put("clientSecret", clientSecret);
        return options;
    }

    /** The values, without the secret. */
    @Override
    public String toString() {
        return "BcConnection[baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", tenantId=" + tenantId
               + ", environment=" + environment + ", clientId=" + clientId + ", clientSecret=****, companyName="
               + companyName + ", companyId=" + companyId + "]";
    }
}
