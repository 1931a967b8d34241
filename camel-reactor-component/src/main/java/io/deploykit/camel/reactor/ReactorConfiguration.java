package io.deploykit.camel.reactor;

import static org.apache.camel.util.ObjectHelper.isNotEmpty;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.deploykit.camel.core.config.DeployKitConfiguration;

/** The options of a {@code reactor:} endpoint, also settable once on the component. */
@UriParams
public class ReactorConfiguration extends DeployKitConfiguration {

    public static final String DEFAULT_BASE_URL = "https://reactor.adobe.io";
    public static final String DEFAULT_TOKEN_URL = "https://ims-na1.adobelogin.com/ims/token/v3";
    public static final String DEFAULT_SCOPE = "AdobeID,openid,read_organizations,additional_info.job_function,"
                                               + "additional_info.projectedProductContext,additional_info.roles";

    @UriParam(label = "producer")
    @Metadata(required = true)
    private ReactorOperation operation;

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "security")
    private String imsOrgId;
    @UriParam(label = "security")
    private String apiKey;
    @UriParam(label = "security", defaultValue = DEFAULT_TOKEN_URL)
    private String tokenUrl = DEFAULT_TOKEN_URL;
    @UriParam(label = "security", defaultValue = DEFAULT_SCOPE)
    private String scope = DEFAULT_SCOPE;

    @UriParam(label = "producer")
    private String extensionPackageId;
    @UriParam(label = "producer", defaultValue = "1s", javaType = "java.time.Duration")
    private long pollInterval = 1_000;
    @UriParam(label = "advanced", defaultValue = "0")
    private int maxConcurrentRequests;
    @UriParam(label = "producer", defaultValue = "10m", javaType = "java.time.Duration")
    private long timeout = 600_000;

    public ReactorOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform: list, get, create, update, upload (update the development package of the zip's name
     * and platform, or create it), releasePrivate, discontinue, delete. The header CamelReactorOperation overrides it.
     */
    public void setOperation(ReactorOperation operation) {
        this.operation = operation;
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    /** The base URL of the Reactor API (Adobe also runs stage and development hosts). */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getImsOrgId() {
        return imsOrgId;
    }

    /** The IMS organization id, such as ABC123@AdobeOrg; sent as x-gw-ims-org-id. */
    public void setImsOrgId(String imsOrgId) {
        this.imsOrgId = imsOrgId;
    }

    public String getApiKey() {
        return apiKey;
    }

    /** The API key sent as x-api-key; by default the clientId. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public String getTokenUrl() {
        return tokenUrl;
    }

    /** The Adobe IMS token endpoint for the OAuth server-to-server (client credentials) flow. */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getScope() {
        return scope;
    }

    /** The comma-separated scopes asked for with client credentials; by default those of Adobe's own tools. */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getExtensionPackageId() {
        return extensionPackageId;
    }

    /** The extension package to work on; the header CamelReactorExtensionPackageId overrides it. */
    public void setExtensionPackageId(String extensionPackageId) {
        this.extensionPackageId = extensionPackageId;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    @Override
    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * How many requests of one client id may be on the wire at once, across every endpoint of the component; further
     * requests wait their turn without holding a thread. Adobe documents no limit: 0, the default, sets none.
     */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    /** How often a pending package is read while waiting for its processing, such as 500, 1s or 5s. */
    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getTimeout() {
        return timeout;
    }

    /**
     * How long to wait for processing before failing. The failure names the package id, so a route can resume
     * waiting later with operation=get.
     */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    /** The x-api-key value: apiKey, else clientId. */
    public String effectiveApiKey() {
        return isNotEmpty(apiKey) ? apiKey : getClientId();
    }

    @Override
    public ReactorConfiguration copy() {
        return (ReactorConfiguration) super.copy();
    }
}
