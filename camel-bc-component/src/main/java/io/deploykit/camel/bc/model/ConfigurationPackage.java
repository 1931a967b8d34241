package io.deploykit.camel.bc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A RapidStart configuration package as the automation API shows it; JSON uses the API's property names. */
public class ConfigurationPackage {

    /** Statuses of the import and apply jobs, exactly as the API spells them. */
    public static final String NO = "No";
    public static final String SCHEDULED = "Scheduled";
    public static final String IN_PROGRESS = "InProgress";
    public static final String COMPLETED = "Completed";
    public static final String ERROR = "Error";

    @JsonProperty("@odata.etag")
    private String etag;
    private String id;
    private String code;
    private String packageName;
    private Integer languageId;
    private String productVersion;
    private Integer processingOrder;
    private Boolean excludeConfigurationTables;
    private Integer numberOfTables;
    private Integer numberOfRecords;
    private Integer numberOfErrors;
    private String importStatus;
    private String importError;
    private String applyStatus;
    private String applyError;

    public String getEtag() {
        return etag;
    }

    public void setEtag(String etag) {
        this.etag = etag;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPackageName() {
        return packageName;
    }

    public void setPackageName(String packageName) {
        this.packageName = packageName;
    }

    public Integer getLanguageId() {
        return languageId;
    }

    public void setLanguageId(Integer languageId) {
        this.languageId = languageId;
    }

    public String getProductVersion() {
        return productVersion;
    }

    public void setProductVersion(String productVersion) {
        this.productVersion = productVersion;
    }

    public Integer getProcessingOrder() {
        return processingOrder;
    }

    public void setProcessingOrder(Integer processingOrder) {
        this.processingOrder = processingOrder;
    }

    public Boolean getExcludeConfigurationTables() {
        return excludeConfigurationTables;
    }

    public void setExcludeConfigurationTables(Boolean excludeConfigurationTables) {
        this.excludeConfigurationTables = excludeConfigurationTables;
    }

    public Integer getNumberOfTables() {
        return numberOfTables;
    }

    public void setNumberOfTables(Integer numberOfTables) {
        this.numberOfTables = numberOfTables;
    }

    public Integer getNumberOfRecords() {
        return numberOfRecords;
    }

    public void setNumberOfRecords(Integer numberOfRecords) {
        this.numberOfRecords = numberOfRecords;
    }

    public Integer getNumberOfErrors() {
        return numberOfErrors;
    }

    public void setNumberOfErrors(Integer numberOfErrors) {
        this.numberOfErrors = numberOfErrors;
    }

    public String getImportStatus() {
        return importStatus;
    }

    public void setImportStatus(String importStatus) {
        this.importStatus = importStatus;
    }

    public String getImportError() {
        return importError;
    }

    public void setImportError(String importError) {
        this.importError = importError;
    }

    public String getApplyStatus() {
        return applyStatus;
    }

    public void setApplyStatus(String applyStatus) {
        this.applyStatus = applyStatus;
    }

    public String getApplyError() {
        return applyError;
    }

    public void setApplyError(String applyError) {
        this.applyError = applyError;
    }

    /** Records that failed validation when the package was applied (0 when unknown). */
    public int recordErrors() {
        return numberOfErrors == null ? 0 : numberOfErrors;
    }

    @Override
    public String toString() {
        return "ConfigurationPackage[id=" + id + ", code=" + code + ", importStatus=" + importStatus + ", applyStatus="
               + applyStatus + ", numberOfErrors=" + numberOfErrors + "]";
    }
}
