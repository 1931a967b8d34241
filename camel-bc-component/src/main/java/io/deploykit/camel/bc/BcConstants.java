package io.deploykit.camel.bc;

import org.apache.camel.spi.Metadata;

/** The headers the {@code bc:} component reads and sets. */
public final class BcConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the endpoint's operation option.",
              javaType = "String")
    public static final String OPERATION = "CamelBcOperation";
    @Metadata(description = "The id (GUID) of the configuration package. Read to name the package; set on results.",
              javaType = "String")
    public static final String PACKAGE_ID = "CamelBcPackageId";
    @Metadata(description = "The code of the configuration package. Read to name the package (overrides the"
                            + " packageCode option); set on results. deploy and upload check a code given against the"
                            + " file's own, not one an earlier operation on the exchange set as its result.",
              javaType = "String")
    public static final String PACKAGE_CODE = "CamelBcPackageCode";
    @Metadata(label = "producer", description = "The name of a package to create; overrides the packageName option.",
              javaType = "String")
    public static final String PACKAGE_NAME = "CamelBcPackageName";
    @Metadata(description = "The import status of the package after the operation: No, Scheduled, InProgress,"
                            + " Completed or Error.",
              javaType = "String")
    public static final String IMPORT_STATUS = "CamelBcImportStatus";
    @Metadata(description = "The apply status of the package after the operation: No, Scheduled, InProgress,"
                            + " Completed or Error.",
              javaType = "String")
    public static final String APPLY_STATUS = "CamelBcApplyStatus";
    @Metadata(description = "The number of tables in the package.", javaType = "Integer")
    public static final String NUMBER_OF_TABLES = "CamelBcNumberOfTables";
    @Metadata(description = "The number of records in the package.", javaType = "Integer")
    public static final String NUMBER_OF_RECORDS = "CamelBcNumberOfRecords";
    @Metadata(description = "The number of records that failed to apply.", javaType = "Integer")
    public static final String NUMBER_OF_ERRORS = "CamelBcNumberOfErrors";
    @Metadata(description = "The id of the company the operation worked in.", javaType = "String")
    public static final String COMPANY_ID = "CamelBcCompanyId";
    @Metadata(description = "The kind of record that carries the picture (items, customers, vendors, employees,"
                            + " contacts); overrides the parentType option.",
              javaType = "String")
    public static final String PARENT_TYPE = "CamelBcParentType";
    @Metadata(description = "The id (GUID) of the record that carries the picture. Read to name it; set on results."
                            + " One an earlier operation on the exchange set as its result gives way to"
                            + " CamelBcParentNumber.",
              javaType = "String")
    public static final String PARENT_ID = "CamelBcParentId";
    @Metadata(label = "producer", description = "The number of the record that carries the picture (such as item"
                                                + " number 1000), looked up when no CamelBcParentId is given.",
              javaType = "String")
    public static final String PARENT_NUMBER = "CamelBcParentNumber";
    @Metadata(description = "The content type of the picture: read on update (else detected from the bytes), set"
                            + " by get and getContent.",
              javaType = "String")
    public static final String CONTENT_TYPE = "CamelBcContentType";

    @Metadata(label = "producer", description = "What tells one deploy from another in the stateRepository: the same key"
                                                + " is the same deploy, continued or not repeated. By default the file's"
                                                + " name, length, last-modified time and SHA-256.",
              javaType = "String")
    public static final String DEPLOY_KEY = "CamelBcDeployKey";

    @Metadata(description = "Set by deploy and picture update: true when the stateRepository showed the"
                                                + " same deploy (same deploy key) completed before, so that nothing was"
                                                + " sent (a WARN says so); false when it was deployed. A file moved to"
                                                + " its outcome folder by the file consumer and dropped again is a new"
                                                + " deploy.",
              javaType = "Boolean")
    public static final String DEPLOY_SKIPPED = "CamelBcDeploySkipped";

    @Metadata(description = "The app's id (a GUID): read by get, operations, uninstall and cancelScheduled; set by"
                            + " deploy from the .app's manifest.",
              javaType = "String")
    public static final String APP_ID = "CamelBcAppId";
    @Metadata(description = "The app's name: set by deploy (from the manifest) and get.", javaType = "String")
    public static final String APP_NAME = "CamelBcAppName";
    @Metadata(description = "The app's version: set by deploy (the file's) and get (the installed one); read by"
                            + " cancelScheduled (the scheduled version to remove).",
              javaType = "String")
    public static final String APP_VERSION = "CamelBcAppVersion";
    @Metadata(description = "Set by deploy when it skipped the upload: the version the environment has installed"
                            + " (the file's or a higher one).",
              javaType = "String")
    public static final String APP_INSTALLED_VERSION = "CamelBcAppInstalledVersion";
    @Metadata(description = "The admin center operation that installs, updates or uninstalls the app: set by deploy,"
                            + " uninstall and cancelScheduled; read by operations to return that one operation.",
              javaType = "String")
    public static final String APP_OPERATION_ID = "CamelBcAppOperationId";
    @Metadata(description = "The status of that operation as the service last reported it: scheduled, running,"
                            + " succeeded, failed, canceled or skipped (spelled as the service spells it).",
              javaType = "String")
    public static final String APP_OPERATION_STATUS = "CamelBcAppOperationStatus";
    @Metadata(description = "Set by deploy: true when the app was scheduled (a deploymentSchedule other than"
                            + " Immediate) rather than installed now.",
              javaType = "Boolean")
    public static final String APP_SCHEDULED = "CamelBcAppScheduled";
    @Metadata(label = "producer", description = "Overrides the deploymentSchedule option for this message.",
              javaType = "String")
    public static final String DEPLOYMENT_SCHEDULE = "CamelBcDeploymentSchedule";

    private BcConstants() {
    }
}
