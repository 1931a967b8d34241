package io.deploykit.camel.bc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.deploykit.camel.bc.BcApi.PackageListing;
import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.json.ApiJson;

/**
 * Finds configuration packages by code. A lookup alone is one filtered request ({@code $filter=code eq '...'}).
 * Lookups that arrive while another is under way in the same company wait for it to end, then share one list of the
 * company's packages: 100 deploys dropped together cost 2 lookup requests, not 100, against the 6000 per 5 minutes
 * Business Central online allows.
 * <p>
 * The shared list is sent after every lookup that reads it arrived, never joined while under way: so a lookup always
 * sees the packages created before it started (a deploy that follows another of the same code finds the package the
 * first one created). Thread-safe; one per endpoint.
 */
final class PackageLookups {

    private final BcApi api;
    private final Map<String, Company> companies = new ConcurrentHashMap<>();

    PackageLookups(BcApi api) {
        this.api = api;
    }

    /** The package of the company with this code (compared ignoring case), if there is one. */
    CompletableFuture<Optional<ConfigurationPackage>> byCode(String companyId, String code) {
        return companies.computeIfAbsent(companyId, Company::new).byCode(code);
    }

    /** The lookups in one company: at most one request under way, and the lookups waiting for the next. */
    private final class Company {

        private final String id;
        private boolean busy;
        private CompletableFuture<PackageListing> next;

        Company(String id) {
            this.id = id;
        }

        CompletableFuture<Optional<ConfigurationPackage>> byCode(String code) {
            CompletableFuture<PackageListing> shared;
            synchronized (this) {
                if (busy) {
                    if (next == null) {
                        next = new CompletableFuture<>();
                    }
                    shared = next;
                } else {
                    busy = true;
                    shared = null;
                }
            }
            if (shared != null) {
                return shared.thenApply(listing -> find(listing, code));
            }
            CompletableFuture<Optional<ConfigurationPackage>> alone;
            try {
                alone = api.findPackageByCode(id, code);
            } catch (RuntimeException e) {
                alone = CompletableFuture.failedFuture(e);
            }
            alone.whenComplete((found, failure) -> requestEnded());
            return alone;
        }

        private static Optional<ConfigurationPackage> find(PackageListing listing, String code) {
            return listing.values().stream().filter(value -> code.equalsIgnoreCase(ApiJson.text(value, "code")))
                    .findFirst().map(PackageListing::toPackage);
        }

        /** Sends the list the lookups that arrived meanwhile wait for, or marks the company idle. */
        private void requestEnded() {
            CompletableFuture<PackageListing> waiting;
            synchronized (this) {
                waiting = next;
                next = null;
                busy = waiting != null;
            }
            if (waiting == null) {
                return;
            }
            CompletableFuture<PackageListing> listing;
            try {
                listing = api.listPackages(id);
            } catch (RuntimeException e) {
                listing = CompletableFuture.failedFuture(e);
            }
            listing.whenComplete((list, failure) -> {
                if (failure != null) {
                    waiting.completeExceptionally(failure);
                } else {
                    waiting.complete(list);
                }
                requestEnded();
            });
        }
    }
}
