package io.deploykit.camel.bc;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.bc.model.ConfigurationPackage;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.core.journal.DeployKeys;
import io.deploykit.camel.core.journal.SettleAfterMove;
import io.deploykit.camel.core.support.DeployKitProducer;
import io.deploykit.camel.core.support.Failures;

/** The operations on RapidStart configuration packages, one method each. */
final class ConfigurationPackageProducer extends DeployKitProducer<BcEndpoint, BcOperation> {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationPackageProducer.class);
    private static final String DEFAULT_FILE_NAME = "package.rapidstart";
    /** The exchange property that remembers the code a result set, to tell it from a code the route gives. */
    private static final String RESULT_CODE = "CamelBcResultPackageCode";

    private final BcConfiguration config;
    private final PackageActions actions;

    ConfigurationPackageProducer(BcEndpoint endpoint) {
        super(endpoint);
        this.config = endpoint.getConfiguration();
        this.actions = new PackageActions(endpoint);
    }

    @Override
    protected CompletableFuture<?> operate(BcOperation operation, Exchange exchange) {
        return switch (operation) {
            case list -> list(exchange);
            case get -> get(exchange);
            case create -> create(exchange);
            case delete -> delete(exchange);
            case upload -> upload(exchange);
            case Import -> runJob(exchange, ConfigurationPackageJob.importJob());
            case apply -> runJob(exchange, ConfigurationPackageJob.applyJob(config.isFailOnRecordErrors()));
            case deploy -> deploy(exchange);
            default -> throw new IllegalStateException("unreachable: " + operation + " was validated");
        };
    }

    private CompletableFuture<?> list(Exchange exchange) {
        return getEndpoint().companyId().thenCompose(company -> getEndpoint().api().listPackages(company)
                .thenAccept(listing -> {
                    exchange.getMessage().setBody(listing.packages());
                    exchange.getMessage().setHeader(BcConstants.COMPANY_ID, company);
                }));
    }

    private CompletableFuture<?> get(Exchange exchange) {
        return getEndpoint().companyId().thenCompose(company -> named(exchange, company)
                .thenAccept(pkg -> result(exchange, company, pkg)));
    }

    private CompletableFuture<?> create(Exchange exchange) {
        String code = code(exchange);
        if (code == null) {
            throw new InvalidInputException("create needs the package code: header " + BcConstants.PACKAGE_CODE
                                            + " or option packageCode");
        }
        String name = packageName(exchange, null, code);
        return getEndpoint().companyId().thenCompose(company -> actions.create(company, code, name)
                .thenAccept(pkg -> {
                    LOG.info("Created configuration package {} (id {})", code, pkg.getId());
                    result(exchange, company, pkg);
                }));
    }

    private CompletableFuture<?> delete(Exchange exchange) {
        return getEndpoint().companyId().thenCompose(company -> named(exchange, company)
                .thenCompose(pkg -> getEndpoint().api().deletePackage(company, pkg).thenAccept(done -> {
                    LOG.info("Deleted configuration package {} (id {})", pkg.getCode(), pkg.getId());
                    result(exchange, company, pkg);
                })));
    }

    /** Uploads the body into the package with the file's code (created when there is none yet). */
    private CompletableFuture<?> upload(Exchange exchange) {
        UploadBody file = UploadBody.from(exchange, DEFAULT_FILE_NAME);
        RapidStartFile rapidStart = RapidStartFile.read(file);
        String code = codeMatching(exchange, rapidStart, file);
        deploying(exchange, file, null);
        return getEndpoint().companyId().thenCompose(company -> getEndpoint().packageLookups().byCode(company, code)
                .thenCompose(found -> found.isPresent() ? CompletableFuture.completedFuture(found.get())
                        : actions.create(company, code, packageName(exchange, rapidStart, code)))
                .thenCompose(pkg -> getEndpoint().api().uploadFile(company, pkg, file).thenApply(v -> {
                    LOG.info("Uploaded {} ({} bytes) into configuration package {}", file.fileName(), file.length(), code);
                    return pkg;
                }))
                .thenAccept(pkg -> result(exchange, company, pkg)));
    }

    /** Starts the package's import or apply and, unless waitForCompletion=false, waits for it to finish. */
    private CompletableFuture<?> runJob(Exchange exchange, ConfigurationPackageJob job) {
        return getEndpoint().companyId().thenCompose(company -> named(exchange, company)
                .thenCompose(pkg -> actions.start(company, pkg, job).thenCompose(v -> {
                    LOG.info("Started the {} of configuration package {}", job.name(), pkg.getCode());
                    return config.isWaitForCompletion() ? getEndpoint().awaitJob(company, pkg, job)
                            : getEndpoint().api().getPackage(company, pkg.getId());
                }))
                .whenComplete((pkg, failure) -> failedResult(exchange, company, failure))
                .thenAccept(pkg -> result(exchange, company, pkg)));
    }

    /**
     * The whole flow (see {@link PackageDeployment}): replace any package with the file's code by a new one, upload,
     * import and wait, apply and wait (unless waitForCompletion=false: then it returns once the apply has started;
     * the import is always awaited, since apply needs it). With a state repository, continues an interrupted deploy
     * of the same file from its last step, and does not repeat one that completed.
     */
    private CompletableFuture<?> deploy(Exchange exchange) {
        UploadBody file = UploadBody.from(exchange, DEFAULT_FILE_NAME);
        RapidStartFile rapidStart = RapidStartFile.read(file);
        String code = codeMatching(exchange, rapidStart, file);
        String name = packageName(exchange, rapidStart, code);
        DeployJournal journal = getEndpoint().getJournal();
        String key = journal.isRecording() ? DeployKeys.of(exchange, BcConstants.DEPLOY_KEY, file) : code;
        DeployJournal.Entry entry = journal.entry("deploy", key);
        if (!DeployKeys.isGiven(exchange, BcConstants.DEPLOY_KEY)) {
            SettleAfterMove.register(exchange, entry); // a key of the file's own: moved to its outcome, it is done
        }
        deploying(exchange, file, entry);
        LOG.info("Deploying configuration package {} from {} ({} bytes)", code, file.fileName(), file.length());
        BcEndpoint endpoint = getEndpoint();
        return endpoint.companyId().thenCompose(company -> {
            PackageDeployment deployment = new PackageDeployment(endpoint, entry, company, code, name, file);
            return deployment.run()
                    .whenComplete((pkg, failure) -> failedResult(exchange, company, failure))
                    .thenAccept(pkg -> {
                        if (!deployment.skipped()) {
                            LOG.info("Deployed configuration package {}: {} tables, {} records, applyStatus={}", code,
                                    pkg.getNumberOfTables(), pkg.getNumberOfRecords(), pkg.getApplyStatus());
                        }
                        result(exchange, company, pkg);
                        exchange.getMessage().setHeader(BcConstants.DEPLOY_SKIPPED, deployment.skipped());
                    });
        });
    }

    /** A job that ended in Error leaves the package as last read on the exchange, beside the exception. */
    private static void failedResult(Exchange exchange, String company, Throwable failure) {
        if (Failures.unwrap(failure) instanceof BcPackageFailedException failed) {
            result(exchange, company, failed.getConfigurationPackage());
        }
    }

    /** The package the exchange names by id, else by code (header or option). */
    private CompletableFuture<ConfigurationPackage> named(Exchange exchange, String company) {
        String id = exchange.getMessage().getHeader(BcConstants.PACKAGE_ID, String.class);
        if (ObjectHelper.isNotEmpty(id)) {
            return getEndpoint().api().getPackage(company, id);
        }
        String code = code(exchange);
        if (code == null) {
            throw new InvalidInputException("Name the configuration package: header " + BcConstants.PACKAGE_ID + " or "
                                            + BcConstants.PACKAGE_CODE + ", or option packageCode");
        }
        return getEndpoint().packageLookups().byCode(company, code).thenApply(found -> found.orElseThrow(
                () -> new NotFoundException("No configuration package with code '" + code + "' in company " + company)));
    }

    private String code(Exchange exchange) {
        String code = exchange.getMessage().getHeader(BcConstants.PACKAGE_CODE, String.class);
        if (ObjectHelper.isEmpty(code)) {
            code = config.getPackageCode();
        }
        return ObjectHelper.isEmpty(code) ? null : code.trim();
    }

    /**
     * The code given, which must be the file's own (else Business Central fails the import), or the file's. The code
     * an earlier operation on this exchange set as its result is no code given: a route may deploy several files.
     */
    private String codeMatching(Exchange exchange, RapidStartFile rapidStart, UploadBody file) {
        String given = code(exchange);
        if (given != null && given.equals(exchange.getProperty(RESULT_CODE, String.class))) {
            given = config.getPackageCode() == null || config.getPackageCode().isBlank() ? null : config.getPackageCode().trim();
        }
        if (given != null && !given.equalsIgnoreCase(rapidStart.code())) {
            throw new InvalidInputException("'" + file.fileName() + "' is RapidStart package " + rapidStart.code()
                                            + ", not " + given + ": Business Central imports a file only into the"
                                            + " package with its own code");
        }
        return rapidStart.code();
    }

    private String packageName(Exchange exchange, RapidStartFile rapidStart, String code) {
        String name = exchange.getMessage().getHeader(BcConstants.PACKAGE_NAME, String.class);
        if (ObjectHelper.isEmpty(name)) {
            name = config.getPackageName();
        }
        if ((ObjectHelper.isEmpty(name)) && rapidStart != null) {
            name = rapidStart.packageName();
        }
        return ObjectHelper.isEmpty(name) ? code : name;
    }

    private static void result(Exchange exchange, String company, ConfigurationPackage pkg) {
        exchange.setProperty(RESULT_CODE, pkg.getCode());
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
