package io.deploykit.emulator.bc.packages;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.companies.Companies;
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
 * The RapidStart file of a configuration package, {@code configurationPackages({id})/file('{code}')}: its metadata
 * (there before the first upload, so that its ETag can be had), its content, and the upload, streamed to disk
 * whatever its size up to the limit.
 */
public final class PackageFileResource {

    private static final String OCTET_STREAM = "application/octet-stream";

    private final Companies companies;
    private final Storage storage;
    private final long maxUploadBytes;
    private final ServerPaging paging;

    public PackageFileResource(Companies companies, Storage storage, long maxUploadBytes, ServerPaging paging) {
        this.companies = companies;
        this.storage = storage;
        this.maxUploadBytes = maxUploadBytes;
        this.paging = paging;
    }

    public void install(RouteGroup api) {
        api.get(ApiPaths.PACKAGE + "/file", "packages.file.list", this::list)
                .get(ApiPaths.PACKAGE_FILE, "packages.file.get", this::get)
                .get(ApiPaths.PACKAGE_FILE + "/content", "packages.file.download", this::download)
                .patch(ApiPaths.PACKAGE_FILE + "/content", "packages.file.upload", this::upload);
    }

    private void list(Exchange exchange) throws IOException {
        PackageEntity pkg = requirePackage(exchange);
        ODataQuery.of(exchange, EntityType.PACKAGE_FILE).respond(exchange, ApiPaths.AUTOMATION, entitySet(exchange),
                List.of(json(exchange, pkg)), paging);
    }

    private void get(Exchange exchange) throws IOException {
        PackageEntity pkg = requireFileOf(exchange);
        ODataJson.entity(exchange, 200, ApiPaths.AUTOMATION, entitySet(exchange), json(exchange, pkg));
    }

    /** The file's bytes; 204 when none was uploaded. */
    private void download(Exchange exchange) throws IOException {
        PackageEntity pkg = requireFileOf(exchange);
        if (!pkg.hasFile()) {
            exchange.respondEmpty(204);
            return;
        }
        // size and bytes from one open file, which a new upload replaces without changing
        FileChannel file = FileChannel.open(storage.packageFile(pkg.id()));
        exchange.respond(200, OCTET_STREAM, file.size(), Channels.newInputStream(file));
    }

    /**
     * Streams the body into an upload file, then moves it into place: a failed or refused upload leaves the
     * previous file as it was.
     */
    private void upload(Exchange exchange) throws IOException {
        PackageEntity pkg = requireFileOf(exchange);
        IfMatch.require(exchange, pkg.fileEtag());
        Path upload = storage.newUpload();
        try {
            Exchange.SavedBody saved = exchange.saveHashedBody(upload, maxUploadBytes);
            if (!pkg.storeFile(() -> storage.install(upload, storage.packageFile(pkg.id())), saved.size(),
                    saved.sha256())) {
                throw ODataErrors.notFound("The configuration package with id " + pkg.id() + " was deleted during "
                                           + "the upload");
            }
        } finally {
            Files.deleteIfExists(upload);
        }
        exchange.respondEmpty(204);
    }

    private PackageEntity requirePackage(Exchange exchange) {
        return PackagesResource.requirePackage(exchange, companies.require(exchange));
    }

    /** The package, when the code in {@code file('{code}')} is its code (compared as Business Central would). */
    private PackageEntity requireFileOf(Exchange exchange) {
        PackageEntity pkg = requirePackage(exchange);
        String code = exchange.pathParam("code").replace("''", "'");
        if (!code.toUpperCase(Locale.ROOT).equals(pkg.code())) {
            throw ODataErrors.notFound("The configuration package file '" + code + "' does not exist: the package "
                                       + pkg.id() + " has the code " + pkg.code());
        }
        return pkg;
    }

    private static ObjectNode json(Exchange exchange, PackageEntity pkg) {
        String content = ODataJson.apiUrl(exchange, ApiPaths.AUTOMATION) + "/" + entitySet(exchange) + "('"
                         + pkg.code().replace("'", "''") + "')/content";
        return JsonCodec.object()
                .put("@odata.etag", pkg.fileEtag())
                .put("code", pkg.code())
                .put("content@odata.mediaEditLink", content)
                .put("content@odata.mediaReadLink", content);
    }

    private static String entitySet(Exchange exchange) {
        return "companies(" + exchange.pathParam("company") + ")/configurationPackages(" + exchange.pathParam("package")
               + ")/file";
    }
}
