package io.deploykit.camel.bc;

import static io.deploykit.camel.bc.BcOperation.Import;
import static io.deploykit.camel.bc.BcOperation.apply;
import static io.deploykit.camel.bc.BcOperation.cancelScheduled;
import static io.deploykit.camel.bc.BcOperation.create;
import static io.deploykit.camel.bc.BcOperation.delete;
import static io.deploykit.camel.bc.BcOperation.deploy;
import static io.deploykit.camel.bc.BcOperation.get;
import static io.deploykit.camel.bc.BcOperation.getContent;
import static io.deploykit.camel.bc.BcOperation.list;
import static io.deploykit.camel.bc.BcOperation.uninstall;
import static io.deploykit.camel.bc.BcOperation.update;
import static io.deploykit.camel.bc.BcOperation.upload;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.deploykit.camel.core.support.DeployKitResource;

/** What a {@code bc:} endpoint works on, the first part of its URI, and the operations each accepts. */
public enum BcResource implements DeployKitResource<BcOperation> {
    /** RapidStart configuration packages (automation API). */
    configurationPackage(EnumSet.of(list, get, create, delete, upload, Import, apply, deploy)),
    /** Pictures of items, customers, vendors, employees and contacts (standard API). */
    picture(EnumSet.of(get, getContent, update, delete)),
    /** Apps (per-tenant extensions) of the environment, through the admin center API. */
    app(EnumSet.of(deploy, list, get, BcOperation.operations, uninstall, cancelScheduled)),
    /** The environment's companies (standard API): to check or resolve the companies a deploy targets. */
    company(EnumSet.of(list));

    private final Set<BcOperation> operations;

    BcResource(Set<BcOperation> operations) {
        this.operations = Collections.unmodifiableSet(operations);
    }

    @Override
    public Set<BcOperation> operations() {
        return operations;
    }
}
