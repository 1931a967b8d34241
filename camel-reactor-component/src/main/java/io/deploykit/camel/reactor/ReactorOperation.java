package io.deploykit.camel.reactor;

import io.deploykit.camel.core.support.DeployKitOperation;

/**
 * The operations of the {@code reactor:} endpoints; the constant names are the URI values. Which resource accepts
 * which is declared by {@link ReactorResource}.
 */
public enum ReactorOperation implements DeployKitOperation {
    list,
    get,
    create,
    update,
    upload,
    releasePrivate,
    discontinue,
    delete
}
