package io.deploykit.camel.bc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.support.DeployKitProducer;

/** The operations on RapidStart configuration packages, one method each. */
final class ConfigurationPackageProducer extends DeployKitProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationPackageProducer.class);
    private static final String DEFAULT_FILE_NAME = "package.rapidstart";

    private final BcEndpoint endpoint;
    private final BcConfiguration config;

    ConfigurationPackageProducer(BcEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        BcOperation operation = BcOperations.of(exchange, config, BcResource.configurationPackage);
        return switch (operation) {
            case list -> list(exchange);
            case get -> get(exchange);
            case create -> create(exchange);
            case delete -> delete(exchange);
            case upload -> upload(exchange);
            case Import -> importPackage(exchange);
            case apply -> apply(exchange);
            case deploy -> deploy(exchange);
            default -> throw new IllegalStateException("unreachable: " + operation + " was validated");
        };
    }

    private CompletableFuture<?> list(Exchange exchange) {
        return endpoint.companyId().thenCompose(company -> endpoint.api().listPackages(company)
                .thenAccept(listing -> {
                    exchange.getMessage().setBody(listing.packages());
                    exchange.getMessage().setHeader(BcConstants.COMPANY_ID, company);
                }));
    }

    private CompletableFuture<?> get(Exchange exchange) {
        return endpoint.companyId().thenCompose(company -> named(exchange, company)
                .thenAccept(pkg -> result(exchange, company, pkg)));
    }

    private CompletableFuture<?> create(Exchange exchange) {
        String code = code(exchange);
        if (code == null) {
            throw new IllegalArgumentException("create needs the package code: header " + BcConstants.PACKAGE_CODE
                                               + " or option packageCode");
        }
        String name = packageName(exchange, null, code);
        return endpoint.companyId().thenCompose(company -> endpoint.api().createPackage(company, code, name)
                .thenAccept(pkg -> {
                    LOG.info("Created configuration package {} (id {})", code, pkg.getId());
                    result(exchange, company, pkg);
                }));
    }

    private CompletableFuture<?> delete(Exchange exchange) {
        return endpoint.companyId().thenCompose(company -> named(exchange, company)
                .thenCompose(pkg -> endpoint.api().deletePackage(company, pkg).thenAccept(done -> {
                    LOG.info("Deleted configuration package {} (id {})", pkg.getCode(), pkg.getId());
                    result(exchange, company, pkg);
                })));
    }

    /** Uploads the body into the package with the file's code (created when there is none yet). */
    private CompletableFuture<?> upload(Exchange exchange) {
        UploadBody file = UploadBody.from(exchange, DEFAULT_FILE_NAME);
        try {
            RapidStartFile rapidStart = RapidStartFile.read(file);
            String code = codeMatching(exchange, rapidStart, file);
            return endpoint.companyId().thenCompose(company -> endpoint.packageLookups().byCode(company, code)
                    .thenCompose(found -> found.isPresent() ? CompletableFuture.completedFuture(found.get())
                            : endpoint.api().createPackage(company, code, packageName(exchange, rapidStart, code)))
                    .thenCompose(pkg -> uploadInto(company, pkg, file))
                    .thenAccept(pkg -> result(exchange, company, pkg)))
                    .whenComplete((r, e) -> file.close());
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private CompletableFuture<?> importPackage(Exchange exchange) {
        return endpoint.companyId().thenCompose(company -> named(exchange, company)
                .thenCompose(pkg -> runJob(exchange, company, pkg, PackageJob.importJob()))
                .thenAccept(pkg -> result(exchange, company, pkg)));
    }

    private CompletableFuture<?> apply(Exchange exchange) {
        return endpoint.companyId().thenCompose(company -> named(exchange, company)
                .thenCompose(pkg -> runJob(exchange, company, pkg, PackageJob.applyJob(config.isFailOnRecordErrors())))
                .thenAccept(pkg -> result(exchange, company, pkg)));
    }

    /**
     * The whole flow: replace any package with the file's code by a new one, upload, import and wait, apply and wait
     * (unless waitForCompletion=false: then it returns once the apply has started; the import is always awaited,
     * since apply needs it).
     */
    private CompletableFuture<?> deploy(Exchange exchange) {
        UploadBody file = UploadBody.from(exchange, DEFAULT_FILE_NAME);
        try {
            RapidStartFile rapidStart = RapidStartFile.read(file);
            String code = codeMatching(exchange, rapidStart, file);
            String name = packageName(exchange, rapidStart, code);
            LOG.info("Deploying configuration package {} from {} ({} bytes)", code, file.fileName(), file.length());
            BcApi api = endpoint.api();
            return endpoint.companyId().thenCompose(company -> endpoint.packageLookups().byCode(company, code)
                    .thenCompose(found -> found.isEmpty() ? CompletableFuture.completedFuture(null)
                            : api.deletePackage(company, found.get())
                                    .thenRun(() -> LOG.info("Deleted the previous configuration package {} (id {})", code,
                                            found.get().getId())))
                    .thenCompose(v -> api.createPackage(company, code, name))
                    .thenCompose(pkg -> {
                        LOG.info("Created configuration package {} (id {})", code, pkg.getId());
                        return uploadInto(company, pkg, file);
                    })
                    .thenCompose(pkg -> startAndAwait(exchange, company, pkg, PackageJob.importJob(), true))
                    .thenCompose(pkg -> runJob(exchange, company, pkg, PackageJob.applyJob(config.isFailOnRecordErrors())))
                    .thenAccept(pkg -> {
                        LOG.info("Deployed configuration package {}: {} tables, {} records, applyStatus={}", code,
                                pkg.getNumberOfTables(), pkg.getNumberOfRecords(), pkg.getApplyStatus());
                        result(exchange, company, pkg);
                    }))
                    .whenComplete((r, e) -> file.close());
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private CompletableFuture<ConfigurationPackage> uploadInto(String company, ConfigurationPackage pkg, UploadBody file) {
        return endpoint.api().uploadFile(company, pkg, file).thenApply(v -> {
            LOG.info("Uploaded {} ({} bytes) into configuration package {}", file.fileName(), file.length(), pkg.getCode());
            return pkg;
        });
    }

    private CompletableFuture<ConfigurationPackage> runJob(Exchange exchange, String company, ConfigurationPackage pkg,
                                                           PackageJob job) {
        return startAndAwait(exchange, company, pkg, job, config.isWaitForCompletion());
    }

    /** Starts the job and, when asked, waits for it; either way the package comes back as last read. */
    private CompletableFuture<ConfigurationPackage> startAndAwait(Exchange exchange, String company,
                                                                  ConfigurationPackage pkg, PackageJob job, boolean wait) {
        BcApi api = endpoint.api();
        CompletableFuture<Void> started = "apply".equals(job.name())
                ? api.startApply(company, pkg.getId()) : api.startImport(company, pkg.getId());
        return started.thenCompose(v -> {
            LOG.info("Started the {} of configuration package {}", job.name(), pkg.getCode());
            if (!wait) {
                return api.getPackage(company, pkg.getId());
            }
            Duration interval = Duration.ofMillis(config.getPollInterval());
            PackagePolls.Watch watch = endpoint.packagePolls().watch(company, pkg.getId(), interval);
            CompletableFuture<ConfigurationPackage> awaited;
            try {
                awaited = endpoint.getJobPoller().await(job.name() + " of configuration package " + pkg.getCode(),
                        watch::read, job, interval, Duration.ofMillis(config.getTimeout()), LOG);
            } catch (RuntimeException e) {
                watch.close(); // a wait that never started must not keep its company's polls shared
                throw e;
            }
            return awaited.whenComplete((done, failure) -> {
                watch.close();
                if (DeployKitProducer.unwrap(failure) instanceof BcPackageFailedException failed) {
                    result(exchange, company, failed.getConfigurationPackage());
                }
            });
        });
    }

    /** The package the exchange names by id, else by code (header or option). */
    private CompletableFuture<ConfigurationPackage> named(Exchange exchange, String company) {
        String id = exchange.getMessage().getHeader(BcConstants.PACKAGE_ID, String.class);
        if (id != null && !id.isBlank()) {
            return endpoint.api().getPackage(company, id);
        }
        String code = code(exchange);
        if (code == null) {
            throw new IllegalArgumentException("Name the configuration package: header " + BcConstants.PACKAGE_ID + " or "
                                               + BcConstants.PACKAGE_CODE + ", or option packageCode");
        }
        return endpoint.packageLookups().byCode(company, code).thenApply(found -> found.orElseThrow(
                () -> new NotFoundException("No configuration package with code '" + code + "' in company " + company)));
    }

    private String code(Exchange exchange) {
        String code = exchange.getMessage().getHeader(BcConstants.PACKAGE_CODE, String.class);
        if (code == null || code.isBlank()) {
            code = config.getPackageCode();
        }
        return code == null || code.isBlank() ? null : code.trim();
    }

    /** The code given, which must be the file's own (else Business Central fails the import), or the file's. */
    private String codeMatching(Exchange exchange, RapidStartFile rapidStart, UploadBody file) {
        String given = code(exchange);
        if (given != null && !given.equalsIgnoreCase(rapidStart.code())) {
            throw new InvalidInputException("'" + file.fileName() + "' is RapidStart package " + rapidStart.code()
                                            + ", not " + given + ": Business Central imports a file only into the"
                                            + " package with its own code");
        }
        return rapidStart.code();
    }

    private String packageName(Exchange exchange, RapidStartFile rapidStart, String code) {
        String name = exchange.getMessage().getHeader(BcConstants.PACKAGE_NAME, String.class);
        if (name == null || name.isBlank()) {
            name = config.getPackageName();
        }
        if ((name == null || name.isBlank()) && rapidStart != null) {
            name = rapidStart.packageName();
        }
        return name == null || name.isBlank() ? code : name;
    }

    private static void result(Exchange exchange, String company, ConfigurationPackage pkg) {
        Message message = exchange.getMessage();
        message.setBody(pkg);
        message.setHeader(BcConstants.COMPANY_ID, company);
        message.setHeader(BcConstants.PACKAGE_ID, pkg.getId());
        message.setHeader(BcConstants.PACKAGE_CODE, pkg.getCode());
        message.setHeader(BcConstants.IMPORT_STATUS, pkg.getImportStatus());
        message.setHeader(BcConstants.APPLY_STATUS, pkg.getApplyStatus());
        message.setHeader(BcConstants.NUMBER_OF_TABLES, pkg.getNumberOfTables());
        message.setHeader(BcConstants.NUMBER_OF_RECORDS, pkg.getNumberOfRecords());
        message.setHeader(BcConstants.NUMBER_OF_ERRORS, pkg.getNumberOfErrors());
    }
}
