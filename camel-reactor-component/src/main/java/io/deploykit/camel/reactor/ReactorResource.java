package io.deploykit.camel.reactor;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.deploykit.camel.core.support.DeployKitResource;

/** What a {@code reactor:} endpoint works on, the first part of its URI, and the operations it accepts. */
public enum ReactorResource implements DeployKitResource<ReactorOperation> {
    /** Tags extension packages (zip archives with an extension.json manifest). */
    extensionPackage;

    /** The only resource takes every operation. */
    private static final Set<ReactorOperation> EVERY_OPERATION = Collections.unmodifiableSet(EnumSet.allOf(ReactorOperation.class));

    @Override
    public Set<ReactorOperation> operations() {
        return EVERY_OPERATION;
    }
}
