package io.deploykit.camel.bc;

/** What a {@code bc:} endpoint works on: the first part of its URI. */
public enum BcResource {
    /** RapidStart configuration packages (automation API). */
    configurationPackage,
    /** Pictures of items, customers, vendors, employees and contacts (standard API). */
    picture
}
