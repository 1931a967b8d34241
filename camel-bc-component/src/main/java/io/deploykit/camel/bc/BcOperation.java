package io.deploykit.camel.bc;

import io.deploykit.camel.core.support.DeployKitOperation;

/**
 * The operations of the {@code bc:} endpoints; the constant names are the URI values. Which resource accepts which
 * is declared by {@link BcResource}.
 */
public enum BcOperation implements DeployKitOperation {
    list,
    get,
    create,
    delete,
    upload,
    /**
     * {@code import}: a Java keyword, so the constant is capitalised; Camel matches enum values without regard
     * to case, so {@code operation=import} selects it.
     */
    Import,
    apply,
    deploy,
    getContent,
    update,
    /** An app's operations (installs, updates, uninstalls), or one of them. */
    operations,
    uninstall,
    /** Removes an app version scheduled for a later deployment ({@code removeScheduledPteVersion}). */
    cancelScheduled;

    @Override
    public String uriValue() {
        return this == Import ? "import" : name();
    }
}
