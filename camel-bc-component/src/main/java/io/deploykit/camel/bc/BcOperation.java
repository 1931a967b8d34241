package io.deploykit.camel.bc;

import java.util.EnumSet;
import java.util.Set;

/** The operations of the {@code bc:} endpoints; the constant names are the URI values. */
public enum BcOperation {
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
    update;

    static final Set<BcOperation> PACKAGE_OPERATIONS = EnumSet.of(list, get, create, delete, upload, Import, apply, deploy);
    static final Set<BcOperation> PICTURE_OPERATIONS = EnumSet.of(get, getContent, update, delete);

    /** The value as written in a URI or header. */
    public String uriValue() {
        return this == Import ? "import" : name();
    }

    static Set<BcOperation> supportedBy(BcResource resource) {
        return resource == BcResource.picture ? PICTURE_OPERATIONS : PACKAGE_OPERATIONS;
    }
}
