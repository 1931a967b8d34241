package io.deploykit.emulator.bc.pictures;

import java.util.Arrays;

import io.deploykit.emulator.bc.odata.EntityType;

/** The records that can have a picture, by entity set of the standard API. */
public enum ParentType {
    ITEMS("items", "Item", EntityType.ITEM),
    CUSTOMERS("customers", "Customer", EntityType.record("customer")),
    VENDORS("vendors", "Vendor", EntityType.record("vendor")),
    EMPLOYEES("employees", "Employee", EntityType.record("employee")),
    CONTACTS("contacts", "Contact", EntityType.record("contact"));

    final String entitySet;
    /** The picture's {@code parentType}. */
    public final String typeName;
    /** The properties of a record of this type, which its list's query options may name. */
    final EntityType entityType;

    ParentType(String entitySet, String typeName, EntityType entityType) {
        this.entitySet = entitySet;
        this.typeName = typeName;
        this.entityType = entityType;
    }

    /** @throws IllegalArgumentException when no type has this entity set */
    public static ParentType ofEntitySet(String entitySet) {
        return Arrays.stream(values()).filter(type -> type.entitySet.equals(entitySet)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + entitySet + "' is none of "
                                                                + Arrays.toString(values())));
    }
}
