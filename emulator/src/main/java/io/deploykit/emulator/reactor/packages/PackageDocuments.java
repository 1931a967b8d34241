package io.deploykit.emulator.reactor.packages;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.reactor.manifest.Manifest;

/**
 * Extension packages as JSON:API documents: {@code {"data":{"id","type":"extension_packages","attributes",
 * "relationships","links":{"self"},"meta":{"status_details":{"errors"}}}}}, and lists of them with
 * {@code meta.pagination}. Attribute names are snake_case, as are the keys of the manifest's component entries;
 * attributes a package does not have are null.
 */
final class PackageDocuments {

    static final String TYPE = "extension_packages";
    /** Where Adobe's CDN serves a package's files, as the API's cdn_path shows it. */
    static final String CDN = "https://assets.adobedtm.com/extensions/";
    /** The domain of the e-mail address of a technical account, the identity of an OAuth server-to-server client. */
    static final String TECHNICAL_ACCOUNT_DOMAIN = "@techacct.adobe.com";

    /** The manifest fields shown as attributes, by attribute name. */
    private static final Map<String, String> MANIFEST_ATTRIBUTES = Map.ofEntries(
            Map.entry("actions", "actions"),
            Map.entry("author", "author"),
            Map.entry("conditions", "conditions"),
            Map.entry("configuration", "configuration"),
            Map.entry("data_elements", "dataElements"),
            Map.entry("description", "description"),
            Map.entry("display_name", "displayName"),
            Map.entry("events", "events"),
            Map.entry("exchange_url", "exchangeUrl"),
            Map.entry("hosted_lib_files", "hostedLibFiles"),
            Map.entry("icon_path", "iconPath"),
            Map.entry("main", "main"),
            Map.entry("name", "name"),
            Map.entry("platform", "platform"),
            Map.entry("resources", "resources"),
            Map.entry("shared_modules", "sharedModules"),
            Map.entry("version", "version"),
            Map.entry("view_base_path", "viewBasePath"));

    private PackageDocuments() {
    }

    static ObjectNode single(PackageState pkg, String baseUrl) {
        ObjectNode document = JsonCodec.object();
        document.set("data", resource(pkg, baseUrl));
        return document;
    }

    static ObjectNode list(ListQuery.Page page, String baseUrl) {
        ObjectNode document = JsonCodec.object();
        ArrayNode data = document.putArray("data");
        page.items().forEach(pkg -> data.add(resource(pkg, baseUrl)));
        ObjectNode pagination = document.putObject("meta").putObject("pagination");
        pagination.put("current_page", page.number());
        pagination.put("next_page", page.nextPage());
        pagination.put("prev_page", page.previousPage());
        pagination.put("total_pages", page.totalPages());
        pagination.put("total_count", page.totalCount());
        return document;
    }

    private static ObjectNode resource(PackageState pkg, String baseUrl) {
        ObjectNode resource = JsonCodec.object().put("id", pkg.id()).put("type", TYPE);
        resource.set("attributes", attributes(pkg));
        resource.putObject("relationships");
        resource.putObject("links").put("self", baseUrl + "/" + TYPE + "/" + pkg.id());
        ArrayNode errors = resource.putObject("meta").putObject("status_details").putArray("errors");
        pkg.errors().forEach(error -> errors.addObject()
                .put("code", error.code())
                .put("title", error.title())
                .put("detail", error.detail()));
        return resource;
    }

    /** The attributes, in alphabetical order as Adobe lists them. */
    private static ObjectNode attributes(PackageState pkg) {
        ObjectNode values = JsonCodec.object();
        MANIFEST_ATTRIBUTES.forEach((attribute, field) -> values.set(attribute, manifestValue(pkg.manifest(), field)));
        values.put("availability", pkg.availability().apiName())
                .put("cdn_path", CDN + pkg.id())
                .put("created_at", Timestamps.format(pkg.createdAt()))
                .put("discontinued", pkg.discontinued())
                .put("owner_org_id", pkg.ownerOrgId())
                .put("status", pkg.status().apiName())
                .put("updated_at", Timestamps.format(pkg.updatedAt()));
        values.putNull("ecma_version"); // what Adobe's answers show for a package that sets none
        person(values, "created_by", pkg.createdBy());
        person(values, "updated_by", pkg.updatedBy());
        ObjectNode attributes = JsonCodec.object();
        values.properties().stream().sorted(Map.Entry.comparingByKey())
                .forEach(attribute -> attributes.set(attribute.getKey(), attribute.getValue()));
        return attributes;
    }

    /**
     * {@code created_by_email} and {@code created_by_display_name} (or {@code updated_by_...}): the technical account
     * of the IMS client whose token acted; null for a package that no client uploaded.
     */
    private static void person(ObjectNode values, String prefix, String clientId) {
        if (clientId == null) {
            values.putNull(prefix + "_email").putNull(prefix + "_display_name");
        } else {
            values.put(prefix + "_email", clientId + TECHNICAL_ACCOUNT_DOMAIN)
                    .put(prefix + "_display_name", clientId);
        }
    }

    private static JsonNode manifestValue(Manifest manifest, String field) {
        JsonNode value = manifest == null ? null : manifest.field(field);
        if (value == null) {
            return JsonCodec.MAPPER.nullNode();
        }
        if (value.isObject() && !field.equals("author")) {
            return snakeCaseKeys((ObjectNode) value); // configuration: viewPath becomes view_path
        }
        if (value.isArray()) {
            ArrayNode entries = JsonCodec.MAPPER.createArrayNode();
            value.forEach(entry -> entries.add(entry.isObject() ? snakeCaseKeys((ObjectNode) entry) : entry));
            return entries;
        }
        return value;
    }

    /** The object with its own keys in snake_case; the values, such as a JSON schema, are left as they are. */
    private static ObjectNode snakeCaseKeys(ObjectNode object) {
        ObjectNode converted = JsonCodec.object();
        object.properties().forEach(field -> converted.set(snakeCase(field.getKey()), field.getValue()));
        return converted;
    }

    static String snakeCase(String camelCase) {
        StringBuilder name = new StringBuilder(camelCase.length() + 4);
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
