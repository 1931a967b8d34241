package io.deploykit.camel.bc;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.deploykit.camel.core.config.DeployKitConfiguration;

/** The options of a {@code bc:} endpoint, also settable once on the component. */
@UriParams
public class BcConfiguration extends DeployKitConfiguration {

    public static final String DEFAULT_BASE_URL = "https://api.businesscentral.dynamics.com/v2.0";
    public static final String DEFAULT_TOKEN_URL = "https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token";
    public static final String DEFAULT_SCOPE = "https://api.businesscentral.dynamics.com/.default";

    @UriParam(label = "producer", enums = "list,get,create,delete,upload,import,apply,deploy,getContent,update,"
                                              + "operations,uninstall,cancelScheduled")
    @Metadata(required = true)
    private BcOperation operation;

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "common")
    private String tenantId;
    @UriParam(label = "common")
    private String environment;
    @UriParam(label = "common")
    private String companyId;
    @UriParam(label = "common")
    private String companyName;

    @UriParam(label = "security", defaultValue = DEFAULT_TOKEN_URL)
    private String tokenUrl = DEFAULT_TOKEN_URL;
    @UriParam(label = "security", defaultValue = DEFAULT_SCOPE)
    private String scope = DEFAULT_SCOPE;
    @UriParam(label = "security", secret = true)
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "producer")
    private String packageCode;
    @UriParam(label = "producer")
    private String packageName;
    @UriParam(label = "producer", defaultValue = "5s", javaType = "java.time.Duration")
    private long pollInterval = 5_000;
    @UriParam(label = "advanced", defaultValue = "5")
    private int maxConcurrentRequests = 5;
    @UriParam(label = "producer", defaultValue = "30m", javaType = "java.time.Duration")
    private long timeout = 1_800_000;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean failOnRecordErrors = true;
    @UriParam(label = "producer", defaultValue = "items")
    private BcParentType parentType = BcParentType.items;
    @UriParam(label = "producer,app", defaultValue = "v2.29")
    private String adminApiVersion = "v2.29";
    @UriParam(label = "producer,app", defaultValue = "false")
    private boolean acceptIsvEula;
    @UriParam(label = "producer,app", defaultValue = "Immediate",
              enums = "Immediate,UpdateWindow,NextMinorUpdate,NextMajorUpdate")
    private String deploymentSchedule = "Immediate";
    @UriParam(label = "producer,app", defaultValue = "Add", enums = "Add,ForceSync")
    private String syncMode = "Add";
    @UriParam(label = "producer,app", defaultValue = "en-US")
    private String languageId = "en-US";
    @UriParam(label = "producer,app", defaultValue = "false")
    private boolean installOrUpdateNeededDependencies;
    @UriParam(label = "producer,app", defaultValue = "false")
    private boolean forceUpload;
    @UriParam(label = "producer,app", defaultValue = "false")
    private boolean uninstallDependents;
    @UriParam(label = "producer,app", defaultValue = "false")
    private boolean deleteData;

    public BcOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform. Configuration packages: list, get, create, delete, upload, import, apply, deploy
     * (delete any package with the same code, create, upload, import, apply, waiting for each job). Pictures: get,
     * getContent, update, delete. Apps: deploy (upload a .app to pteInstall and wait for its install), list, get,
     * operations, uninstall, cancelScheduled. The header CamelBcOperation overrides it.
     */
    public void setOperation(BcOperation operation) {
        this.operation = operation;
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The base URL of the API. Online it is the default, and tenantId and environment follow it; on-premises it is
     * the whole service root, such as https://bc.example.com:7048/BC, with neither tenantId nor environment.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getTenantId() {
        return tenantId;
    }

    /** The Microsoft Entra tenant (id or domain). Part of the service root and of the default token URL. */
    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getEnvironment() {
        return environment;
    }

    /** The Business Central environment name, such as production or sandbox. */
    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getCompanyId() {
        return companyId;
    }

    /** The id (GUID) of the company to work in. Either this or companyName is required. */
    public void setCompanyId(String companyId) {
        this.companyId = companyId;
    }

    public String getCompanyName() {
        return companyName;
    }

    /** The name of the company to work in, such as CRONUS USA, Inc.; looked up once and cached. */
    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    @Override
    public String getTokenUrl() {
        return tokenUrl;
    }

    /** The OAuth2 token endpoint; {tenantId} is replaced by the tenantId option. */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getScope() {
        return scope;
    }

    /** The OAuth2 scope asked for with client credentials. */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getUsername() {
        return username;
    }

    /** The user name for Basic authentication (on-premises only). */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /** The password or web service access key for Basic authentication (on-premises only). */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getPackageCode() {
        return packageCode;
    }

    /**
     * The code of the configuration package. The header CamelBcPackageCode overrides it; deploy and upload read it
     * from the RapidStart file when neither is given.
     */
    public void setPackageCode(String packageCode) {
        this.packageCode = packageCode;
    }

    public String getPackageName() {
        return packageName;
    }

    /** The name given to a package this endpoint creates; by default the one in the file, else the code. */
    public void setPackageName(String packageName) {
        this.packageName = packageName;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    @Override
    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * How many requests of one user (client id or user name) may be on the wire at once, across every endpoint of the
     * component; further requests wait their turn without holding a thread. Business Central online processes 5 per
     * user at once and refuses beyond 100 (429), so a burst of deploys stays within its limits. 0 for no limit.
     */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    /** How often the status of an import or apply job is read while waiting, such as 500, 5s or 1m. */
    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getTimeout() {
        return timeout;
    }

    /** How long to wait for one import or apply job before failing with the last status seen. */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public boolean isFailOnRecordErrors() {
        return failOnRecordErrors;
    }

    /**
     * Whether an apply that completes with numberOfErrors greater than 0 (records that failed validation) fails the
     * exchange. When false, the exchange succeeds and the header CamelBcNumberOfErrors tells.
     */
    public void setFailOnRecordErrors(boolean failOnRecordErrors) {
        this.failOnRecordErrors = failOnRecordErrors;
    }

    public BcParentType getParentType() {
        return parentType;
    }

    /** The kind of record whose picture to work on; the header CamelBcParentType overrides it. */
    public void setParentType(BcParentType parentType) {
        this.parentType = parentType;
    }

    public String getAdminApiVersion() {
        return adminApiVersion;
    }

    /**
     * The version of the admin center API that apps are deployed through ({@code pteInstall} needs v2.29 or later).
     * Its host is baseUrl's.
     */
    public void setAdminApiVersion(String adminApiVersion) {
        this.adminApiVersion = adminApiVersion;
    }

    public boolean isAcceptIsvEula() {
        return acceptIsvEula;
    }

    /**
     * Apps: required for deploy, and never assumed. Setting it true agrees, on your behalf, to the app publisher's
     * license terms (EULA) and to Microsoft's terms for apps installed through the admin center API, for every app
     * (and dependency) this endpoint deploys; without it deploy fails before uploading.
     */
    public void setAcceptIsvEula(boolean acceptIsvEula) {
        this.acceptIsvEula = acceptIsvEula;
    }

    public String getDeploymentSchedule() {
        return deploymentSchedule;
    }

    /**
     * Apps: when the uploaded app is installed: Immediate (deploy waits until it succeeded), UpdateWindow,
     * NextMinorUpdate or NextMajorUpdate (deploy ends when it is scheduled; a new app may only use Immediate or
     * UpdateWindow). Also the schedule cancelScheduled removes and, when not Immediate, makes uninstall use the
     * update window. The header CamelBcDeploymentSchedule overrides it.
     */
    public void setDeploymentSchedule(String deploymentSchedule) {
        this.deploymentSchedule = deploymentSchedule;
    }

    public String getSyncMode() {
        return syncMode;
    }

    /** Apps: how the app's schema is synchronized on install: Add, or ForceSync (may delete data). */
    public void setSyncMode(String syncMode) {
        this.syncMode = syncMode;
    }

    public String getLanguageId() {
        return languageId;
    }

    /** Apps: the language of the install, a Microsoft language code such as en-US. */
    public void setLanguageId(String languageId) {
        this.languageId = languageId;
    }

    public boolean isInstallOrUpdateNeededDependencies() {
        return installOrUpdateNeededDependencies;
    }

    /**
     * Apps: whether Business Central installs or updates the apps the uploaded app depends on (to their latest
     * compatible versions); otherwise a missing dependency fails the deploy, naming it.
     */
    public void setInstallOrUpdateNeededDependencies(boolean installOrUpdateNeededDependencies) {
        this.installOrUpdateNeededDependencies = installOrUpdateNeededDependencies;
    }

    public boolean isForceUpload() {
        return forceUpload;
    }

    /**
     * Apps: upload even when the environment has the app installed at the file's version or a higher one (by
     * default such a deploy is skipped, with a WARN and the header CamelBcDeploySkipped).
     */
    public void setForceUpload(boolean forceUpload) {
        this.forceUpload = forceUpload;
    }

    public boolean isUninstallDependents() {
        return uninstallDependents;
    }

    /** Apps: whether uninstall also uninstalls the apps that depend on the app; otherwise it fails naming them. */
    public void setUninstallDependents(boolean uninstallDependents) {
        this.uninstallDependents = uninstallDependents;
    }

    public boolean isDeleteData() {
        return deleteData;
    }

    /** Apps: whether uninstall deletes the app's data (as in the Extension Management page). */
    public void setDeleteData(boolean deleteData) {
        this.deleteData = deleteData;
    }

    @Override
    public BcConfiguration copy() {
        return (BcConfiguration) super.copy();
    }
}
