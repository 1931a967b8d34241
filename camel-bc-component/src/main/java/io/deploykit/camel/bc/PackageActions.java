package io.deploykit.camel.bc;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.error.AmbiguousOutcomeException;
import io.deploykit.camel.core.support.Failures;

/**
 * The requests on configuration packages that must not be sent twice: create, import and apply. When one gets no
 * clear answer (a 502 or 504 from a gateway, a connection broken after sending), Business Central may have acted on
 * it; so the package is read again, and the request is sent again only if it plainly did not take effect: no
 * package with the code, or the job's status still {@code No}. Each such decision is logged.
 */
final class PackageActions {

    private static final Logger LOG = LoggerFactory.getLogger(PackageActions.class);
    /** Sends after an ambiguous answer; a service that answers ambiguously this often is failing, not blinking. */
    private static final int MAX_SENDS = 3;

    private final BcEndpoint endpoint;

    PackageActions(BcEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Creates the package, or finds the one an earlier create made whose answer was lost. */
    CompletableFuture<ConfigurationPackage> create(String company, String code, String name) {
        return create(company, code, name, 1);
    }

    private CompletableFuture<ConfigurationPackage> create(String company, String code, String name, int send) {
        return endpoint.api().createPackage(company, code, name).exceptionallyCompose(failure -> {
            if (!(Failures.unwrap(failure) instanceof AmbiguousOutcomeException ambiguous) || send >= MAX_SENDS) {
                return CompletableFuture.failedFuture(failure);
            }
            LOG.warn("The create of configuration package {} got no clear answer ({}); looking for the package before"
                     + " anything else", code, ambiguous.getMessage());
            return endpoint.api().findPackageByCode(company, code).thenCompose(found -> {
                if (found.isPresent()) {
                    LOG.info("Business Central had created configuration package {} (id {}) before the answer was"
                             + " lost: continuing with it", code, found.get().getId());
                    return CompletableFuture.completedFuture(found.get());
                }
                LOG.info("No configuration package {} exists: the create did not take effect; sending it again", code);
                return create(company, code, name, send + 1);
            });
        });
    }

    /** Starts the package's import or apply, unless an earlier request whose answer was lost started it. */
    CompletableFuture<Void> start(String company, ConfigurationPackage pkg, PackageJob job) {
        return start(company, pkg, job, 1);
    }

    private CompletableFuture<Void> start(String company, ConfigurationPackage pkg, PackageJob job, int send) {
        BcApi api = endpoint.api();
        CompletableFuture<Void> sent = job.isApply() ? api.startApply(company, pkg.getId()) : api.startImport(company, pkg.getId());
        return sent.exceptionallyCompose(failure -> {
            if (!(Failures.unwrap(failure) instanceof AmbiguousOutcomeException ambiguous) || send >= MAX_SENDS) {
                return CompletableFuture.failedFuture(failure);
            }
            LOG.warn("The request to start the {} of configuration package {} got no clear answer ({}); reading the"
                     + " package before anything else", job.name(), pkg.getCode(), ambiguous.getMessage());
            return api.getPackage(company, pkg.getId()).thenCompose(now -> {
                if (job.hasStarted(now)) {
                    LOG.info("Business Central had started the {} of configuration package {} ({}): waiting for it",
                            job.name(), pkg.getCode(), job.describe(now));
                    return CompletableFuture.completedFuture(null);
                }
                LOG.info("The {} of configuration package {} has not started ({}): sending the request again",
                        job.name(), pkg.getCode(), job.describe(now));
                return start(company, pkg, job, send + 1);
            });
        });
    }
}
