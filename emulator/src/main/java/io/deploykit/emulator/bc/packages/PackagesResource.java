package io.deploykit.emulator.bc.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.AppliedPackage;
import io.deploykit.emulator.bc.BcHistory;
import io.deploykit.emulator.bc.ImportedPackage;
import io.deploykit.emulator.bc.companies.Companies;
import io.deploykit.emulator.bc.companies.CompanyData;
import io.deploykit.emulator.bc.files.Storage;
import io.deploykit.emulator.bc.odata.ApiPaths;
import io.deploykit.emulator.bc.odata.EntityType;
import io.deploykit.emulator.bc.odata.IfMatch;
import io.deploykit.emulator.bc.odata.ODataErrors;
import io.deploykit.emulator.bc.odata.ODataJson;
import io.deploykit.emulator.bc.odata.ODataQuery;
import io.deploykit.emulator.bc.odata.ServerPaging;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.RouteGroup;

/**
 * The configuration packages of the automation API: list, get, create, update and delete, and the bound actions
 * {@code Microsoft.NAV.import} and {@code Microsoft.NAV.apply}.
 */
public final class PackagesResource {

    private static final int MAX_JSON = 64 * 1024;

    private final Companies companies;
    private final BackgroundJobs jobs;
    private final Storage storage;
    private final ServerPaging paging;
    private final BcHistory history;

    public PackagesResource(Companies companies, BackgroundJobs jobs, Storage storage, ServerPaging paging,
                     BcHistory history) {
        this.companies = companies;
        this.jobs = jobs;
        this.storage = storage;
        this.paging = paging;
        this.history = history;
    }

    public void install(RouteGroup api) {
        api.get(ApiPaths.PACKAGES, "packages.list", this::list)
                .post(ApiPaths.PACKAGES, "packages.create", this::create)
                .get(ApiPaths.PACKAGE, "packages.get", this::get)
                .patch(ApiPaths.PACKAGE, "packages.update", this::update)
                .delete(ApiPaths.PACKAGE, "packages.delete", this::delete)
                .post(ApiPaths.PACKAGE + "/Microsoft.NAV.import", "packages.import", this::startImport)
                .post(ApiPaths.PACKAGE + "/Microsoft.NAV.apply", "packages.apply", this::startApply);
    }

    /** The package a request names in a company: 404 when there is none. */
    static PackageEntity requirePackage(Exchange exchange, CompanyData company) {
        String id = exchange.pathParam("package");
        Companies.requireGuid(id);
        return company.packages().require(id);
    }

    static ObjectNode json(PackageSnapshot pkg) {
        return JsonCodec.object()
                .put("@odata.etag", pkg.etag())
                .put("id", pkg.id())
                .put("code", pkg.code())
                .put("packageName", pkg.packageName())
                .put("languageId", pkg.languageId())
                .put("productVersion", pkg.productVersion())
                .put("processingOrder", pkg.processingOrder())
                .put("excludeConfigurationTables", pkg.excludeConfigurationTables())
                .put("numberOfTables", pkg.numberOfTables())
                .put("numberOfRecords", pkg.numberOfRecords())
                .put("numberOfErrors", pkg.numberOfErrors())
                .put("importStatus", pkg.importStatus())
                .put("importError", pkg.importError())
                .put("applyStatus", pkg.applyStatus())
                .put("applyError", pkg.applyError());
    }

    private void list(Exchange exchange) throws IOException {
        CompanyData company = company(exchange);
        ODataQuery query = ODataQuery.of(exchange, EntityType.CONFIGURATION_PACKAGE);
        // a lookup by code, what every deploy starts with, reads the index rather than every package
        List<PackageEntity> candidates = query.filter().equality("code")
                .map(code -> company.packages().withCode(code.toUpperCase(Locale.ROOT)).stream().toList())
                .orElseGet(company.packages()::all);
        query.respond(exchange, ApiPaths.AUTOMATION, entitySet(company.company().id()),
                candidates.stream().map(pkg -> json(pkg.snapshot())).toList(), paging);
    }

    private void get(Exchange exchange) throws IOException {
        PackageEntity pkg = requirePackage(exchange, company(exchange));
        ODataJson.entity(exchange, 200, ApiPaths.AUTOMATION, entitySet(exchange.pathParam("company")),
                ODataQuery.selected(exchange, EntityType.CONFIGURATION_PACKAGE, json(pkg.snapshot())));
    }

    private void create(Exchange exchange) throws IOException {
        CompanyData company = company(exchange);
        PackageEntity pkg = company.packages().create(PackageInput.from(readJson(exchange)));
        exchange.setHeader("Location", ODataJson.apiUrl(exchange, ApiPaths.AUTOMATION) + "/companies("
                                       + company.company().id() + ")/configurationPackages(" + pkg.id() + ")");
        respond(exchange, 201, pkg);
    }

    private void update(Exchange exchange) throws IOException {
        CompanyData company = company(exchange);
        PackageEntity pkg = requirePackage(exchange, company);
        PackageInput input = PackageInput.from(readJson(exchange));
        company.packages().update(pkg, input, entity -> IfMatch.require(exchange, entity.etag()));
        respond(exchange, 200, pkg);
    }

    /** Deletes the package and its file, as Business Central deletes the package's data with it. */
    private void delete(Exchange exchange) throws IOException {
        CompanyData company = company(exchange);
        PackageEntity pkg = requirePackage(exchange, company);
        company.packages().remove(pkg, entity -> IfMatch.require(exchange, entity.etag()));
        Files.deleteIfExists(storage.packageFile(pkg.id()));
        exchange.respondEmpty(204);
    }

    private void startImport(Exchange exchange) throws IOException {
        CompanyData company = company(exchange);
        String companyId = company.company().id();
        PackageEntity pkg = requirePackage(exchange, company);
        readJson(exchange); // no body is expected; {} is tolerated
        pkg.scheduleImport(sha256 -> history.imports()
                .add(new ImportedPackage(companyId, pkg.id(), pkg.code(), sha256, Instant.now())));
        jobs.startImport(pkg, company.environment());
        exchange.respondEmpty(204);
    }

    private void startApply(Exchange exchange) throws IOException {
        CompanyData company = company(exchange);
        String companyId = company.company().id();
        PackageEntity pkg = requirePackage(exchange, company);
        readJson(exchange);
        pkg.scheduleApply(sha256 -> history.applies()
                .add(new AppliedPackage(companyId, pkg.id(), pkg.code(), sha256, Instant.now())));
        jobs.startApply(pkg, company.environment());
        exchange.respondEmpty(204);
    }

    private CompanyData company(Exchange exchange) {
        return companies.require(exchange);
    }

    private static void respond(Exchange exchange, int status, PackageEntity pkg) throws IOException {
        ODataJson.entity(exchange, status, ApiPaths.AUTOMATION, entitySet(exchange.pathParam("company")),
                json(pkg.snapshot()));
    }

    private static String entitySet(String companyId) {
        return "companies(" + companyId + ")/configurationPackages";
    }

    private static ObjectNode readJson(Exchange exchange) throws IOException {
        try {
            return JsonCodec.parseObject(exchange.readBody(MAX_JSON));
        } catch (IllegalArgumentException e) {
            throw ODataErrors.badRequest(e.getMessage());
        }
    }
}
