package io.deploykit.emulator.junit5;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach a running Reactor (Adobe Tags) emulator with the {@code reactor:} component.
 *
 * @param baseUrl      the {@code reactor:} baseUrl option, {@code http://127.0.0.1:PORT}
 * @param tokenUrl     the IMS token endpoint, {@code http://127.0.0.1:PORT/ims/token/v3}
 * @param clientId     the client that may ask for tokens (the first configured, or the emulator's default)
 * @param clientSecret its secret
 * @param imsOrgId     the IMS organization that owns the emulator's packages
 */
public record ReactorConnection(String baseUrl, String tokenUrl, String clientId, String clientSecret,
                                String imsOrgId) implements EmulatorConnection {

    /**
     * The {@code reactor:} options {@code baseUrl}, {@code tokenUrl}, {@code clientId}, {@code clientSecret} and
     * {@code imsOrgId}, in a new mutable map.
     */
    @Override
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("baseUrl", baseUrl);
        options.put("tokenUrl", tokenUrl);
        options.put("clientId", clientId);
        options.put("clientSecret", clientSecret);
        options.put("imsOrgId", imsOrgId);
        return options;
    }

    /** The values, without the secret. */
    @Override
    public String toString() {
        return "ReactorConnection[baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
               + ", clientSecret=****, imsOrgId=" + imsOrgId + "]";
    }
}
