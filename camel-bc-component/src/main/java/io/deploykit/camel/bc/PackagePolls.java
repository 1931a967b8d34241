package io.deploykit.camel.bc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.camel.bc.BcApi.PackageListing;
import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.json.ApiJson;

/**
 * Reads the configuration packages whose import or apply is being waited for. A package waited for alone is read by
 * its id. While several are waited for in one company, their polls share one list request of the company's packages:
 * Business Central online allows 6000 requests per 5 minutes per user, and 100 deploys polled one by one every 5 s
 * would take a third of that by themselves. A package missing from the list (deleted meanwhile)
 * is read by its id.
 * <p>
 * A poll joins a list request under way, or one answered less than a quarter of its poll interval ago; so the status
 * it sees is at most that much older than its own request would have seen. Thread-safe; one per endpoint.
 */
final class PackagePolls {

    private final BcApi api;
    private final Clock clock;
    private final Map<String, Company> companies = new ConcurrentHashMap<>();

    PackagePolls(BcApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Starts waiting for a package of the company; {@link Watch#close() close} the watch when the wait ends. */
    Watch watch(String companyId, String packageId, Duration pollInterval) {
        Company company = companies.computeIfAbsent(companyId, Company::new);
        company.join();
        return new Watch(company, packageId, pollInterval.dividedBy(4));
    }

    /** One package being waited for. */
    final class Watch implements AutoCloseable {

        private final Company company;
        private final String packageId;
        private final Duration maxAge;
        private boolean closed;

        private Watch(Company company, String packageId, Duration maxAge) {
            this.company = company;
            this.packageId = packageId;
            this.maxAge = maxAge;
        }

        /**
         * The package as it is now, or at most a quarter of the poll interval ago; {@code deadline} bounds the
         * retries of a read by id.
         */
        CompletableFuture<ConfigurationPackage> read(Instant deadline) {
            return company.read(packageId, maxAge, deadline);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                company.leave();
            }
        }
    }

    /** The waits in one company, and the list request they share. */
    private final class Company {

        private final String id;
        private int watching;
        private CompletableFuture<Map<String, JsonNode>> listing;
        private Instant listedAt = Instant.MIN;

        Company(String id) {
            this.id = id;
        }

        synchronized void join() {
            watching++;
        }

        synchronized void leave() {
            watching--;
            if (watching == 0) {
                listing = null; // no list of packages is kept when nobody waits
            }
        }

        CompletableFuture<ConfigurationPackage> read(String packageId, Duration maxAge, Instant deadline) {
            CompletableFuture<Map<String, JsonNode>> shared;
            synchronized (this) {
                if (watching <= 1) {
                    shared = null;
                } else {
                    if (listing == null || listing.isCompletedExceptionally()
                        || (listing.isDone() && listedAt.plus(maxAge).isBefore(clock.instant()))) {
                        listedAt = clock.instant();
                        listing = api.listPackages(id).thenApply(list -> byId(list.values()));
                    }
                    shared = listing;
                }
            }
            if (shared == null) {
                return api.getPackage(id, packageId, deadline);
            }
            return shared.thenCompose(packages -> {
                JsonNode value = packages.get(packageId);
                return value != null ? CompletableFuture.completedFuture(PackageListing.toPackage(value))
                        : api.getPackage(id, packageId, deadline);
            });
        }

        /** The packages of a list by id, still as JSON: each poll converts only its own package. */
        private static Map<String, JsonNode> byId(List<JsonNode> values) {
            Map<String, JsonNode> byId = new HashMap<>();
            for (JsonNode value : values) {
                byId.put(ApiJson.text(value, "id"), value);
            }
            return byId;
        }
    }
}
