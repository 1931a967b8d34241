package io.deploykit.camel.bc.model;

/**
 * A company of a Business Central environment, as the API lists it.
 *
 * @param id          its id, which the companyId option takes
 * @param name        its name, which the companyName option takes (case-sensitive)
 * @param displayName the name users see
 */
public record Company(String id, String name, String displayName) {
}
