package io.deploykit.camel.core.support;

import java.util.Set;

/**
 * What an endpoint works on, an enum constant named by the first part of its URI, and the operations it accepts:
 * the one place that decides which operations are legal, for the option and the header alike.
 */
public interface DeployKitResource<O extends Enum<O> & DeployKitOperation> {

    /** The enum constant's name, as written in the URI. */
    String name();

    Set<O> operations();
}
