package io.deploykit.emulator.bc.pictures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.BcHistory;
import io.deploykit.emulator.bc.PictureUpdate;
import io.deploykit.emulator.bc.companies.Companies;
import io.deploykit.emulator.bc.companies.CompanyData;
import io.deploykit.emulator.bc.files.Storage;
import io.deploykit.emulator.bc.odata.ApiPaths;
import io.deploykit.emulator.bc.odata.IfMatch;
import io.deploykit.emulator.bc.odata.ODataErrors;
import io.deploykit.emulator.bc.odata.ODataJson;
import io.deploykit.emulator.bc.odata.ODataQuery;
import io.deploykit.emulator.bc.odata.ServerPaging;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.http.RouteGroup;

/**
 * Items, customers, vendors, employees and contacts of the standard API (list, with {@code $filter=number eq ..},
 * and get), and their picture: metadata, content, upload (streamed, its type and size read from the image) and
 * delete. The v1.0 form {@code .../items({id})/picture({id})/content} uploads too.
 */
public final class PicturesResource {

    private final Companies companies;
    private final Storage storage;
    private final long maxUploadBytes;
    private final BcHistory history;
    private final ServerPaging paging;

    public PicturesResource(Companies companies, Storage storage, long maxUploadBytes, BcHistory history,
                     ServerPaging paging) {
        this.companies = companies;
        this.storage = storage;
        this.maxUploadBytes = maxUploadBytes;
        this.history = history;
        this.paging = paging;
    }

    public void install(RouteGroup api) {
        api.get(ApiPaths.PARENTS, "parents.list", this::list)
                .get(ApiPaths.PARENT, "parents.get", this::get)
                .get(ApiPaths.PARENT + "/picture", "pictures.get", this::picture)
                .delete(ApiPaths.PARENT + "/picture", "pictures.delete", this::delete)
                .get(ApiPaths.PARENT + "/picture/pictureContent", "pictures.content.get", this::content)
                .patch(ApiPaths.PARENT + "/picture/pictureContent", "pictures.content.upload", this::upload)
                .patch(ApiPaths.PARENT + "/picture({picture})/content", "pictures.content.upload", this::upload);
    }

    private void list(Exchange exchange) throws IOException {
        CompanyData company = companies.require(exchange);
        ParentType type = type(exchange);
        ODataQuery query = ODataQuery.of(exchange, type.entityType);
        query.respond(exchange, ApiPaths.STANDARD, entitySet(exchange),
                company.parents(type).stream().map(PicturesResource::json).toList(), paging);
    }

    private void get(Exchange exchange) throws IOException {
        ODataJson.entity(exchange, 200, ApiPaths.STANDARD, entitySet(exchange),
                ODataQuery.selected(exchange, type(exchange).entityType, json(requireParent(exchange))));
    }

    private void picture(Exchange exchange) throws IOException {
        ParentRecord parent = requireParent(exchange);
        PictureSnapshot picture = parent.picture();
        String content = ODataJson.apiUrl(exchange, ApiPaths.STANDARD) + "/" + entitySet(exchange) + "("
                         + parent.id() + ")/picture/pictureContent";
        ObjectNode json = JsonCodec.object()
                .put("@odata.etag", picture.etag())
                .put("id", parent.id())
                .put("parentType", picture.parentType())
                .put("width", picture.width())
                .put("height", picture.height())
                .put("contentType", picture.contentType())
                .put("pictureContent@odata.mediaEditLink", content)
                .put("pictureContent@odata.mediaReadLink", content);
        ODataJson.entity(exchange, 200, ApiPaths.STANDARD, entitySet(exchange) + "(" + parent.id() + ")/picture",
                json);
    }

    /** The picture's bytes; 204 when there is no picture. */
    private void content(Exchange exchange) throws IOException {
        ParentRecord parent = requireParent(exchange);
        ParentRecord.OpenPicture open = parent.openPicture(storage.pictureFile(parent.id()));
        if (open == null) {
            exchange.respondEmpty(204);
            return;
        }
        exchange.respond(200, open.picture().contentType(), open.picture().size(), open.content());
    }

    /**
     * Streams the image to an upload file, reads its header, and only then replaces the picture: a body that is
     * no image is refused and changes nothing.
     */
    private void upload(Exchange exchange) throws IOException {
        ParentRecord parent = requireParent(exchange);
        String pictureId = exchange.pathParam("picture");
        if (pictureId != null && !pictureId.equalsIgnoreCase(parent.id())) {
            throw ODataErrors.notFound("The picture " + pictureId + " does not belong to " + parent.type().typeName
                                       + " " + parent.id() + ": a picture's id is its parent's id");
        }
        IfMatch.require(exchange, parent.pictureEtag());
        String companyId = companies.require(exchange).company().id();
        Path upload = storage.newUpload();
        try {
            Exchange.SavedBody saved = exchange.saveHashedBody(upload, maxUploadBytes);
            long size = saved.size();
            ImageInfo image = ImageProbe.probe(upload).orElseThrow(() -> ODataErrors.badRequest(
                    "The picture is not a supported image: the content (" + size + " bytes) is not a PNG, JPEG, GIF "
                    + "or BMP image"));
            String sha256 = saved.sha256();
            parent.storePicture(() -> {
                storage.install(upload, storage.pictureFile(parent.id()));
                // under the record's lock: the history has each record's pictures in order
                history.pictureUpdates().add(new PictureUpdate(companyId, parent.type().entitySet, parent.id(), sha256,
                        Instant.now()));
            }, image, size);
        } finally {
            Files.deleteIfExists(upload);
        }
        exchange.respondEmpty(204);
    }

    private void delete(Exchange exchange) throws IOException {
        ParentRecord parent = requireParent(exchange);
        IfMatch.require(exchange, parent.pictureEtag());
        parent.removePicture(() -> Files.deleteIfExists(storage.pictureFile(parent.id())));
        exchange.respondEmpty(204);
    }

    private ParentRecord requireParent(Exchange exchange) {
        CompanyData company = companies.require(exchange);
        String id = exchange.pathParam("parent");
        Companies.requireGuid(id);
        return company.requireParent(type(exchange), id);
    }

    /** The route's pattern lets only the five entity sets through. */
    private static ParentType type(Exchange exchange) {
        return ParentType.ofEntitySet(exchange.pathParam("parents"));
    }

    /** The record with the properties of its type's v2.0 resource, as {@link ParentType#entityType} lists them. */
    private static ObjectNode json(ParentRecord parent) {
        ObjectNode json = JsonCodec.object()
                .put("@odata.etag", parent.etag())
                .put("id", parent.id())
                .put("number", parent.number())
                .put("displayName", parent.displayName());
        json.setAll(parent.details());
        return json.put("lastModifiedDateTime", ODataJson.dateTime(parent.lastModified()));
    }

    private static String entitySet(Exchange exchange) {
        return "companies(" + exchange.pathParam("company") + ")/" + exchange.pathParam("parents");
    }
}
