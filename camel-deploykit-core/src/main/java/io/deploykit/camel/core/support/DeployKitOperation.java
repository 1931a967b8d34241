package io.deploykit.camel.core.support;

/** An operation of a component, an enum constant: the value of the {@code operation} option and header. */
public interface DeployKitOperation {

    /** The enum constant's name. */
    String name();

    /** The value as written in a URI or header; the constant's name unless a Java keyword forbids it. */
    default String uriValue() {
        return name();
    }
}
