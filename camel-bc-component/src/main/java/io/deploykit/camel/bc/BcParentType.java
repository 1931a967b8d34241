package io.deploykit.camel.bc;

/** The records that carry a picture; the constant names are the API's entity set names. */
public enum BcParentType {
    items,
    customers,
    vendors,
    employees,
    contacts
}
