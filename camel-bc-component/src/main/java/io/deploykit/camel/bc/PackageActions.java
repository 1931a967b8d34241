package io.deploykit.camel.bc;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.support.OnceOnly;

/**
 * The requests on configuration packages that must not be sent twice: create, import and apply (see
 * {@link OnceOnly}). After an unclear answer, a create took effect if a package with the code exists, an import or
 * apply if the job's status left {@code No}.
 */
final class PackageActions {

    private static final Logger LOG = LoggerFactory.getLogger(PackageActions.class);

    private final BcEndpoint endpoint;

    PackageActions(BcEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Creates the package, or finds the one an earlier create made whose answer was lost. */
    CompletableFuture<ConfigurationPackage> create(String company, String code, String name) {
        BcApi api = endpoint.api();
        return OnceOnly.send("The create of configuration package " + code, () -> api.createPackage(company, code, name),
                () -> api.findPackageByCode(company, code), LOG);
    }

    /** Starts the package's import or apply, unless an earlier request whose answer was lost started it. */
    CompletableFuture<ConfigurationPackage> start(String company, ConfigurationPackage pkg, ConfigurationPackageJob job) {
        BcApi api = endpoint.api();
        return OnceOnly.send("The request to start the " + job.name() + " of configuration package " + pkg.getCode(),
                () -> (job.isApply() ? api.startApply(company, pkg.getId()) : api.startImport(company, pkg.getId()))
                        .thenApply(started -> pkg),
                () -> api.getPackage(company, pkg.getId()).thenApply(now -> Optional.of(now).filter(job::hasStarted)),
                LOG);
    }
}
