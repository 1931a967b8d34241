package io.deploykit.emulator.bc.odata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the query options of a collection may name: the entity's type (as {@code Microsoft.NAV.item}), its properties
 * with their kinds, and the property the collection is ordered by when no {@code $orderby} is given (the table's
 * primary key: a package's code, a record's number, a company's name).
 * <p>
 * The property lists are those of the API v2.0 reference pages (company, item, customer...) and of the automation
 * API's configurationPackage.
 */
public final class EntityType {

    /** How a property's values are written in a filter and compared. */
    enum Kind {
        /** Text compared exactly. */
        STRING,
        /** A Code field: stored in upper case, compared in upper case. */
        CODE,
        /** An enum value, written as a string literal, compared exactly. */
        ENUM,
        GUID,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        DATETIME;

        boolean textual() {
            return this == STRING || this == CODE || this == ENUM;
        }

        boolean numeric() {
            return this == INTEGER || this == DECIMAL;
        }

        /** The OData type of the kind, for error messages. */
        String edmType() {
            return switch (this) {
                case STRING, CODE, ENUM -> "Edm.String";
                case GUID -> "Edm.Guid";
                case INTEGER -> "Edm.Int32";
                case DECIMAL -> "Edm.Decimal";
                case BOOLEAN -> "Edm.Boolean";
                case DATETIME -> "Edm.DateTimeOffset";
            };
        }
    }

    public static final EntityType COMPANY = builder("company", "name")
            .add("id", Kind.GUID).add("systemVersion", Kind.STRING).add("timestamp", Kind.INTEGER)
            .add("name", Kind.STRING).add("displayName", Kind.STRING).add("businessProfileId", Kind.STRING)
            .add("systemCreatedAt", Kind.DATETIME).add("systemCreatedBy", Kind.GUID)
            .add("systemModifiedAt", Kind.DATETIME).add("systemModifiedBy", Kind.GUID).build();

    public static final EntityType CONFIGURATION_PACKAGE = builder("configurationPackage", "code")
            .add("id", Kind.GUID).add("code", Kind.CODE).add("packageName", Kind.STRING)
            .add("languageId", Kind.INTEGER).add("productVersion", Kind.STRING).add("processingOrder", Kind.INTEGER)
            .add("excludeConfigurationTables", Kind.BOOLEAN).add("numberOfTables", Kind.INTEGER)
            .add("numberOfRecords", Kind.INTEGER).add("numberOfErrors", Kind.INTEGER)
            .add("importStatus", Kind.ENUM).add("importError", Kind.STRING)
            .add("applyStatus", Kind.ENUM).add("applyError", Kind.STRING).build();

    public static final EntityType PACKAGE_FILE = builder("configurationPackageFile", "code").add("code", Kind.CODE).build();

    /** The v2.0 item resource's properties. */
    public static final EntityType ITEM = builder("item", "number")
            .add("id", Kind.GUID).add("number", Kind.CODE).add("displayName", Kind.STRING)
            .add("displayName2", Kind.STRING).add("type", Kind.ENUM).add("itemCategoryId", Kind.GUID)
            .add("itemCategoryCode", Kind.CODE).add("blocked", Kind.BOOLEAN).add("gtin", Kind.STRING)
            .add("inventory", Kind.DECIMAL).add("unitPrice", Kind.DECIMAL).add("priceIncludesTax", Kind.BOOLEAN)
            .add("unitCost", Kind.DECIMAL).add("taxGroupId", Kind.GUID).add("taxGroupCode", Kind.CODE)
            .add("baseUnitOfMeasureId", Kind.GUID).add("baseUnitOfMeasureCode", Kind.CODE)
            .add("generalProductPostingGroupId", Kind.GUID).add("generalProductPostingGroupCode", Kind.CODE)
            .add("inventoryPostingGroupId", Kind.GUID).add("inventoryPostingGroupCode", Kind.CODE)
            .add("lastModifiedDateTime", Kind.DATETIME).build();

    private final String name;
    private final String defaultOrder;
    private final Map<String, Kind> properties;

    private EntityType(String name, String defaultOrder, Map<String, Kind> properties) {
        this.name = name;
        this.defaultOrder = defaultOrder;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The customers, vendors, employees and contacts the emulator holds: id, number, displayName, modified. */
    public static EntityType record(String name) {
        return builder(name, "number").add("id", Kind.GUID).add("number", Kind.CODE).add("displayName", Kind.STRING)
                .add("lastModifiedDateTime", Kind.DATETIME).build();
    }

    /** {@code Microsoft.NAV.item} */
    String qualifiedName() {
        return "Microsoft.NAV." + name;
    }

    String defaultOrder() {
        return defaultOrder;
    }

    /** The kind of a property; 400, as Business Central answers, when the type has no such property. */
    Kind require(String property) {
        Kind kind = properties.get(property);
        if (kind == null) {
            throw ODataErrors.badRequest("Could not find a property named '" + property + "' on type '"
                                         + qualifiedName() + "'");
        }
        return kind;
    }

    private static Builder builder(String name, String defaultOrder) {
        return new Builder(name, defaultOrder);
    }

    private static final class Builder {

        private final String name;
        private final String defaultOrder;
        private final Map<String, Kind> properties = new LinkedHashMap<>();

        Builder(String name, String defaultOrder) {
            this.name = name;
            this.defaultOrder = defaultOrder;
        }

        Builder add(String property, Kind kind) {
            properties.put(property, kind);
            return this;
        }

        EntityType build() {
            if (!properties.containsKey(defaultOrder)) {
                throw new IllegalStateException(defaultOrder + " is no property of " + name);
            }
            return new EntityType(name, defaultOrder, properties);
        }
    }
}
