package io.deploykit.emulator.reactor.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.deploykit.emulator.RunningEmulator;
import io.deploykit.emulator.http.JsonCodec;
import io.deploykit.emulator.reactor.ExtensionZips;
import io.deploykit.emulator.reactor.ReactorClient;
import io.deploykit.emulator.reactor.ReactorEmulator;
import io.deploykit.emulator.reactor.TestZips;

/**
 * Adobe's documented rules for extension manifests, web and edge each by its own: a complete manifest of each
 * platform processes to {@code succeeded}, and a manifest that breaks one rule, and only that one, fails with the
 * error of that rule in {@code meta.status_details.errors}.
 */
class ManifestRulesTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    static final RunningEmulator<ReactorEmulator> RUNNING = new RunningEmulator<>(
            () -> ReactorEmulator.builder().processingTime(Duration.ofMillis(20)).start());

    private static ReactorClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        client = new ReactorClient(RUNNING.get());
    }

    /** One rule broken: how, and the error that says so. */
    record Case(String rule, String platform, Consumer<ObjectNode> breaks, String code, String detail) {
        @Override
        public String toString() {
            return platform + ": " + rule;
        }
    }

    static Stream<Case> brokenRules() {
        String manifest = ProcessingError.MANIFEST_ERROR;
        String transform = ProcessingError.TRANSFORM_ERROR;
        List<Case> cases = new ArrayList<>(List.of(
                new Case("a name with upper case", "web", m -> m.put("name", "Complete-Web"), manifest,
                        "breaks the naming rules"),
                new Case("a name starting with an underscore", "web", m -> m.put("name", "_complete"), manifest,
                        "breaks the naming rules"),
                new Case("a name with a space", "web", m -> m.put("name", "complete web"), manifest,
                        "breaks the naming rules"),
                new Case("a name over 214 characters", "web", m -> m.put("name", "a".repeat(215)), manifest,
                        "breaks the naming rules"),
                new Case("an action's name with upper case", "web", m -> action(m).put("name", "customCode"),
                        manifest, "\"actions[0].name\" \"customCode\" breaks the naming rules"),
                new Case("a top-level property the manifest does not have", "web", m -> m.put("homepage", "x"),
                        manifest, "has the property \"homepage\", which the web platform does not allow"),
                new Case("an icon that is not an SVG", "web", m -> m.put("iconPath", "resources/icon.png"), manifest,
                        "\"iconPath\" \"resources/icon.png\" is not the relative path of an .svg file"),
                new Case("a version that is not semantic", "web", m -> m.put("version", "1.0"), manifest,
                        "is not a semantic version"),
                new Case("an empty displayName", "web", m -> m.put("displayName", ""), manifest,
                        "\"displayName\" must be a text that is not empty"),
                new Case("an author without a name", "web", m -> m.putObject("author").put("url",
                        "https://example.com"), manifest, "no \"author\" with a \"name\""),
                new Case("an author e-mail that is no address", "web", m -> ((ObjectNode) m.get("author"))
                        .put("email", "nobody"), manifest, "\"author.email\" \"nobody\" is not an e-mail address"),
                new Case("an exchangeUrl that is no URL", "web", m -> m.put("exchangeUrl", "exchange listing"),
                        manifest, "\"exchangeUrl\" \"exchange listing\" is not a URL"),
                new Case("an action without a schema", "web", m -> action(m).remove("schema"), manifest,
                        "\"actions[0]\" has no \"schema\", which is required"),
                new Case("an action whose schema is not an object", "web", m -> action(m).put("schema", "object"),
                        manifest, "\"actions[0].schema\" must be a JSON schema object"),
                new Case("an action without a libPath", "web", m -> action(m).remove("libPath"), manifest,
                        "\"actions[0]\" has no \"libPath\""),
                new Case("an action without a displayName", "web", m -> action(m).remove("displayName"), manifest,
                        "\"actions[0]\" has no \"displayName\""),
                new Case("an action with a property a type does not have", "web", m -> action(m).put("helpUrl",
                        "https://example.com"), manifest, "\"actions[0]\" has the property \"helpUrl\""),
                new Case("a libPath that is not a .js file", "web", m -> action(m).put("libPath",
                        "src/lib/actions/customCode.ts"), manifest, "is not the relative path of a .js file"),
                new Case("a viewPath that is not an .html file", "web", m -> action(m).put("viewPath",
                        "actions/customCode.htm"), manifest, "is not the relative path of an .html file"),
                new Case("a configuration without a schema", "web", m -> configuration(m).remove("schema"),
                        manifest, "\"configuration\" has no \"schema\", which is required"),
                new Case("a configuration without a viewPath", "web", m -> configuration(m).remove("viewPath"),
                        manifest, "\"configuration\" has no \"viewPath\""),
                new Case("a configuration with another property", "web", m -> configuration(m).put("help", "x"),
                        manifest, "\"configuration\" has the property \"help\", which is not allowed"),
                new Case("a shared module without a libPath", "web", m -> ((ObjectNode) m.get("sharedModules")
                        .get(0)).remove("libPath"), manifest, "\"sharedModules[0]\" has no \"libPath\""),
                new Case("a hosted file that is not a .js file", "web", m -> m.putArray("hostedLibFiles")
                        .add("src/lib/vendor/lib.css"), manifest, "\"hostedLibFiles[0]\""),
                new Case("no preprocessing variable", "web", m -> m.putArray("preprocessingVariables"), manifest,
                        "at least one variable"),
                new Case("a preprocessing variable without a default", "web", m -> ((ObjectNode) m
                        .get("preprocessingVariables").get(0)).remove("default"), manifest,
                        "\"preprocessingVariables[0]\" has no \"default\""),
                new Case("a platform of neither", "web", m -> m.put("platform", "mobile"), manifest,
                        "The \"platform\" is web or edge, not \"mobile\""),
                new Case("a transform of no known type", "web", m -> transforms(m).addObject().put("type", "eval")
                        .put("propertyPath", "code"), transform, "none of the web platform's"),
                new Case("a second transform of one property", "web", m -> transforms(m).addObject()
                        .put("type", "remove").put("propertyPath", "source"), transform, "each property can have one"),
                new Case("an add transform of another key", "web", m -> ((ObjectNode) transforms(m).get(2))
                        .put("reservedKey", "id"), transform, "\"reservedKey\" must be originId"),
                new Case("a transform without a propertyPath", "web", m -> ((ObjectNode) transforms(m).get(1))
                        .remove("propertyPath"), transform, "has no \"propertyPath\""),
                new Case("a customCode transform", "web", m -> transforms(m).addObject().put("type", "customCode"),
                        ProcessingError.CUSTOM_CODE_TRANSFORM_ERROR, "only Adobe's own extensions"),
                new Case("a library file the zip lacks", "web", m -> m.put("main", "src/lib/missing.js"),
                        ProcessingError.PATH_ERROR, "\"main\" names src/lib/missing.js, which is not in the package"),
                new Case("events", "edge", m -> m.set("events", JsonCodec.MAPPER.createArrayNode()), manifest,
                        "has the property \"events\", which the edge platform does not allow"),
                new Case("hostedLibFiles", "edge", m -> m.putArray("hostedLibFiles").add("src/lib/vendor/lib.js"),
                        manifest, "has the property \"hostedLibFiles\", which the edge platform does not allow"),
                new Case("preprocessingVariables", "edge", m -> m.putArray("preprocessingVariables").addObject()
                        .put("key", "k").put("path", "p").put("default", true), manifest,
                        "has the property \"preprocessingVariables\", which the edge platform does not allow"),
                new Case("a file transform", "edge", m -> transforms(m).addObject().put("type", "file")
                        .put("propertyPath", "html"), transform, "none of the edge platform's: function, remove"),
                new Case("an add transform", "edge", m -> transforms(m).addObject().put("type", "add")
                        .put("propertyPath", "origin").put("reservedKey", "originId"), transform,
                        "none of the edge platform's"),
                new Case("a name with upper case", "edge", m -> m.put("name", "Complete-Edge"), manifest,
                        "breaks the naming rules"),
                new Case("an action without a schema", "edge", m -> action(m).remove("schema"), manifest,
                        "\"actions[0]\" has no \"schema\", which is required")));
        for (String platform : List.of("web", "edge")) {
            for (String field : List.of("name", "version", "displayName", "description", "author", "platform")) {
                cases.add(new Case("no " + field, platform, m -> m.remove(field), manifest,
                        "extension.json has no \"" + field + "\""));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aManifestBreakingOneRuleFailsWithThatRulesError(Case broken) throws IOException {
        ObjectNode manifest = complete(broken.platform());
        broken.breaks().accept(manifest);

        Inspection inspection = PackageInspector.inspect(zip(manifest, broken.platform()));

        assertFalse(inspection.succeeded(), broken::toString);
        assertEquals(1, inspection.errors().size(), () -> broken + " gave " + inspection.errors());
        ProcessingError error = inspection.errors().get(0);
        assertEquals(broken.code(), error.code(), error::toString);
        assertTrue(error.detail().contains(broken.detail()), () -> broken + " gave " + error);
    }

    @Test
    void withoutAViewBasePathTheManifestFailsAndViewsAreNotWhereItSays() throws IOException {
        ObjectNode manifest = complete("web");
        manifest.remove("viewBasePath");

        List<ProcessingError> errors = PackageInspector.inspect(zip(manifest, "web")).errors();

        assertEquals(ProcessingError.MANIFEST_ERROR, errors.get(0).code());
        assertEquals("extension.json has no \"viewBasePath\".", errors.get(0).detail());
        assertTrue(errors.subList(1, errors.size()).stream()
                .allMatch(error -> error.code().equals(ProcessingError.PATH_ERROR)), errors::toString);
    }

    @Test
    void theViewBasePathIsAFolderOfThePackage() throws IOException {
        ObjectNode manifest = complete("web");
        manifest.put("viewBasePath", "src/lib/main.js");

        List<ProcessingError> errors = PackageInspector.inspect(zip(manifest, "web")).errors();

        assertTrue(errors.stream().anyMatch(error -> error.code().equals(ProcessingError.PATH_ERROR)
                                                     && error.detail().contains("is a file of the package, not a "
                                                                                + "folder")), errors::toString);
    }

    @Test
    void completeManifestsOfBothPlatformsSucceed() throws IOException {
        for (String platform : List.of("web", "edge")) {
            ObjectNode manifest = complete(platform);
            Inspection inspection = PackageInspector.inspect(zip(manifest, platform));
            assertTrue(inspection.succeeded(), () -> platform + ": " + inspection.errors());

            JsonNode processed = client.awaitProcessed(client.created(zip(manifest, platform)));
            assertEquals("succeeded", processed.path("attributes").path("status").asText(), processed::toString);
            assertEquals(platform, processed.path("attributes").path("platform").asText());
        }
    }

    @Test
    void theGeneratorsZipsFollowTheRulesOfBothPlatforms() throws IOException {
        for (String platform : List.of("web", "edge")) {
            Path zip = ExtensionZips.write(dir.resolve(platform + ".zip"), newName(platform), "1.0.0", platform);
            assertEquals(List.of(), PackageInspector.inspect(zip).errors(), platform);
            JsonNode processed = client.awaitProcessed(client.created(zip));
            assertEquals("succeeded", processed.path("attributes").path("status").asText(), processed::toString);
        }
    }

    @Test
    void aBrokenRuleFailsProcessingWithReactorsErrorShape() throws IOException {
        ObjectNode manifest = complete("web");
        manifest.put("name", "Not_Lower");
        manifest.put("homepage", "https://example.com");
        action(manifest).remove("schema");

        JsonNode processed = client.awaitProcessed(client.created(zip(manifest, "web")));

        assertEquals("failed", processed.path("attributes").path("status").asText(), processed::toString);
        JsonNode errors = processed.path("meta").path("status_details").path("errors");
        assertEquals(3, errors.size(), errors::toString);
        for (JsonNode error : errors) {
            assertEquals(ProcessingError.MANIFEST_ERROR, error.path("code").asText());
            assertEquals("Invalid extension.json", error.path("title").asText());
            assertTrue(error.path("detail").isTextual(), error::toString);
        }
    }

    // a complete manifest of each platform, and its files

    private static ObjectNode complete(String platform) {
        boolean web = platform.equals("web");
        ObjectNode manifest = JsonCodec.object()
                .put("name", newName(platform))
                .put("version", "1.2.3-beta.1")
                .put("platform", platform)
                .put("displayName", "Complete " + platform)
                .put("description", "Every part of a " + platform + " extension manifest.")
                .put("iconPath", "resources/icon.svg")
                .put("releaseNotesUrl", "https://example.com/release-notes")
                .put("exchangeUrl", "https://exchange.adobe.com/apps/ec/100000")
                .put("viewBasePath", "src/view/")
                .put("main", "src/lib/main.js");
        manifest.putObject("author").put("name", "DeployKit").put("url", "https://example.com")
                .put("email", "extensions@example.com");
        ObjectNode configuration = manifest.putObject("configuration")
                .put("viewPath", "configuration/configuration.html");
        configuration.set("schema", schema());
        configuration.putArray("transforms").addObject().put("type", "remove").put("propertyPath", "secret");
        if (web) {
            manifest.putArray("hostedLibFiles").add("src/lib/vendor/lib.js");
            manifest.putArray("events").add(feature("click", "events/click", true).put("categoryName", "Mouse"));
        }
        manifest.putArray("conditions").add(feature("browser", "conditions/browser", false));
        ObjectNode action = feature("custom-code", "actions/customCode", true).put("viewPath",
                "actions/customCode.html#top");
        ArrayNode transforms = action.putArray("transforms");
        transforms.addObject().put("type", "function").put("propertyPath", "source").putArray("parameters")
                .add("event");
        transforms.addObject().put("type", "remove").put("propertyPath", "token");
        if (web) {
            transforms.addObject().put("type", "add").put("propertyPath", "origin").put("reservedKey", "originId");
            transforms.addObject().put("type", "file").put("propertyPath", "html");
        }
        manifest.putArray("actions").add(action);
        manifest.putArray("dataElements").add(feature("cookie", "dataElements/cookie", true));
        manifest.putArray("sharedModules").addObject().put("name", "tools").put("libPath", "src/lib/shared/tools.js");
        if (web) {
            manifest.putArray("preprocessingVariables").addObject().put("key", "region").put("path",
                    "settings.region").put("default", true);
        }
        return manifest;
    }

    private static ObjectNode feature(String name, String path, boolean view) {
        ObjectNode feature = JsonCodec.object().put("name", name).put("displayName", "The " + name)
                .put("libPath", "src/lib/" + path + ".js");
        if (view) {
            feature.put("viewPath", path + ".html");
        }
        feature.set("schema", schema());
        return feature;
    }

    private static ObjectNode schema() {
        ObjectNode schema = JsonCodec.object().put("$schema", "http://json-schema.org/draft-04/schema#")
                .put("type", "object");
        schema.putObject("properties").putObject("source").put("type", "string");
        return schema;
    }

    private Path zip(ObjectNode manifest, String platform) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("extension.json", JsonCodec.MAPPER.writeValueAsString(manifest));
        for (String file : List.of("src/lib/main.js", "resources/icon.svg", "resources/icon.png",
                "src/view/configuration/configuration.html", "src/lib/vendor/lib.js", "src/lib/vendor/lib.css",
                "src/lib/events/click.js", "src/view/events/click.html", "src/lib/conditions/browser.js",
                "src/lib/actions/customCode.js", "src/lib/actions/customCode.ts", "src/view/actions/customCode.html",
                "src/view/actions/customCode.htm", "src/lib/dataElements/cookie.js",
                "src/view/dataElements/cookie.html", "src/lib/shared/tools.js")) {
            files.put(file, file.endsWith(".svg") ? "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" : "// " + file);
        }
        return TestZips.of(dir.resolve(platform + "-" + NAMES.incrementAndGet() + ".zip"), files);
    }

    private static ObjectNode action(ObjectNode manifest) {
        return (ObjectNode) manifest.get("actions").get(0);
    }

    private static ObjectNode configuration(ObjectNode manifest) {
        return (ObjectNode) manifest.get("configuration");
    }

    private static ArrayNode transforms(ObjectNode manifest) {
        return (ArrayNode) action(manifest).get("transforms");
    }

    private static String newName(String platform) {
        return "rules-" + platform + "-" + NAMES.incrementAndGet();
    }
}
