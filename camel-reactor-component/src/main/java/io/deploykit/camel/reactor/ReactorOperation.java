package io.deploykit.camel.reactor;

/** The operations of the {@code reactor:} endpoints; the constant names are the URI values. */
public enum ReactorOperation {
    list,
    get,
    create,
    update,
    upload,
    releasePrivate,
    discontinue,
    delete
}
