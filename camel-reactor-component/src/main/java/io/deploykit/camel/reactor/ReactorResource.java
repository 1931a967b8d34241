package io.deploykit.camel.reactor;

/** What a {@code reactor:} endpoint works on: the first part of its URI. */
public enum ReactorResource {
    /** Tags extension packages (zip archives with an extension.json manifest). */
    extensionPackage
}
