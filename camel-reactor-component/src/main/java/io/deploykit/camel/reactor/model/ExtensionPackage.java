package io.deploykit.camel.reactor.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Tags extension package: the JSON:API document's id and attributes, and the processing errors of its
 * {@code meta.status_details}. JSON uses the API's attribute names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ExtensionPackage {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String DEVELOPMENT = "development";

    private String id;
    private String name;
    @JsonProperty("display_name")
    private String displayName;
    private String description;
    private String version;
    private String platform;
    private String availability;
    private String status;
    private Boolean discontinued;
    @JsonProperty("owner_org_id")
    private String ownerOrgId;
    @JsonProperty("created_at")
    private String createdAt;
    @JsonProperty("updated_at")
    private String updatedAt;
    @JsonProperty("status_details")
    private StatusDetails statusDetails;

    /** The processing errors of a failed package. */
    public record StatusDetails(List<ReactorError> errors) {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getAvailability() {
        return availability;
    }

    public void setAvailability(String availability) {
        this.availability = availability;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Boolean getDiscontinued() {
        return discontinued;
    }

    public void setDiscontinued(Boolean discontinued) {
        this.discontinued = discontinued;
    }

    public String getOwnerOrgId() {
        return ownerOrgId;
    }

    public void setOwnerOrgId(String ownerOrgId) {
        this.ownerOrgId = ownerOrgId;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    public StatusDetails getStatusDetails() {
        return statusDetails;
    }

    public void setStatusDetails(StatusDetails statusDetails) {
        this.statusDetails = statusDetails;
    }

    /** The processing errors, empty when there are none. */
    public List<ReactorError> errors() {
        return statusDetails == null || statusDetails.errors() == null ? List.of() : statusDetails.errors();
    }

    @Override
    public String toString() {
        return "ExtensionPackage[id=" + id + ", name=" + name + ", version=" + version + ", platform=" + platform
               + ", availability=" + availability + ", status=" + status + "]";
    }
}
