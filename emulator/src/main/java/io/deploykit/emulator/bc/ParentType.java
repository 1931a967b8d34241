package io.deploykit.emulator.bc;

import java.util.Arrays;

/** The records that can have a picture, by entity set of the standard API. */
enum ParentType {
    ITEMS("items", "Item"),
    CUSTOMERS("customers", "Customer"),
    VENDORS("vendors", "Vendor"),
    EMPLOYEES("employees", "Employee"),
    CONTACTS("contacts", "Contact");

    final String entitySet;
    /** The picture's {@code parentType}. */
    final String typeName;

    ParentType(String entitySet, String typeName) {
        this.entitySet = entitySet;
        this.typeName = typeName;
    }

    /** @throws IllegalArgumentException when no type has this entity set */
    static ParentType ofEntitySet(String entitySet) {
        return Arrays.stream(values()).filter(type -> type.entitySet.equals(entitySet)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + entitySet + "' is none of "
                                                                + Arrays.toString(values())));
    }
}
