package io.deploykit.camel.bc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The picture of an item, customer, vendor, employee or contact; width and height are 0 when there is none. */
public class Picture {

    @JsonProperty("@odata.etag")
    private String etag;
    private String id;
    private String parentType;
    private Integer width;
    private Integer height;
    private String contentType;

    public String getEtag() {
        return etag;
    }

    public void setEtag(String etag) {
        this.etag = etag;
    }

    /** The id of the record that carries the picture. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Item, Customer, Vendor, Employee or Contact. */
    public String getParentType() {
        return parentType;
    }

    public void setParentType(String parentType) {
        this.parentType = parentType;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    /** Whether a picture is stored (the API answers 0 x 0 for none). */
    public boolean exists() {
        return width != null && width > 0 || height != null && height > 0;
    }

    @Override
    public String toString() {
        return "Picture[id=" + id + ", parentType=" + parentType + ", " + width + "x" + height + ", " + contentType + "]";
    }
}
