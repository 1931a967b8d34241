package io.deploykit.emulator.reactor.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.emulator.reactor.ExtensionZips;
import io.deploykit.emulator.reactor.TestZips;

/** What processing finds in a zip: the demo zips of {@link ExtensionZips}, and zips broken in every way. */
class PackageInspectorTest {

    @TempDir
    Path dir;

    @Test
    void theDemoExtensionIsValidOnEveryPlatform() throws IOException {
        for (String platform : List.of("web", "edge")) {
            Inspection inspection = PackageInspector.inspect(
                    ExtensionZips.write(dir.resolve(platform + ".zip"), "demo", "1.2.3", platform));
            assertEquals(List.of(), inspection.errors());
            assertEquals("demo", inspection.manifest().name());
            assertEquals(platform, inspection.manifest().platform());
        }
    }

    @Test
    void theBrokenDemoZipsFailAsTheirNamesSay() throws IOException {
        assertSingleError(ExtensionZips.writeWithMissingFile(dir.resolve("m.zip"), "demo", "1.0.0", "web"),
                ProcessingError.PATH_ERROR, ExtensionZips.ACTION_LIB_PATH);
        assertSingleError(ExtensionZips.writeWithoutManifest(dir.resolve("n.zip")),
                ProcessingError.ZIP_ERROR, "no extension.json");
        assertSingleError(ExtensionZips.writeWithInvalidJson(dir.resolve("j.zip")),
                ProcessingError.MANIFEST_ERROR, "not valid JSON");
        assertSingleError(ExtensionZips.writeWithoutName(dir.resolve("u.zip"), "1.0.0", "web"),
                ProcessingError.MANIFEST_ERROR, "no \"name\"");
    }

    @Test
    void aFileThatIsNotAZipFails() throws IOException {
        assertSingleError(Files.writeString(dir.resolve("text.zip"), "just text"), ProcessingError.ZIP_ERROR,
                "not a valid zip");
        assertSingleError(Files.write(dir.resolve("empty.zip"), new byte[0]), ProcessingError.ZIP_ERROR, "");
    }

    @Test
    void aManifestInAFolderIsPointedAt() throws IOException {
        Path zip = TestZips.of(dir.resolve("nested.zip"), Map.of("my-ext/extension.json", "{}"));
        assertSingleError(zip, ProcessingError.ZIP_ERROR, "there is one at my-ext/extension.json");
    }

    @Test
    void reportsEveryMissingFieldAndBadValue() throws IOException {
        Path zip = TestZips.of(dir.resolve("fields.zip"), Map.of("extension.json",
                "{\"version\":\"1.0\",\"platform\":\"mobile\",\"author\":\"someone\"}"));

        List<String> details = PackageInspector.inspect(zip).errors().stream().map(ProcessingError::detail).toList();

        assertEquals(List.of("The \"platform\" is web or edge, not \"mobile\".", "extension.json has no \"name\".",
                "extension.json has no \"displayName\".", "extension.json has no \"description\".",
                "extension.json has no \"viewBasePath\".",
                "The \"version\" \"1.0\" is not a semantic version such as 1.2.3.",
                "The \"author\" must be an object with a \"name\", not \"someone\"."), details);
    }

    @Test
    void viewPathsAreRelativeToTheViewBasePath() throws IOException {
        String manifest = TestZips.manifest("views", "1.0.0", "web", "\"viewBasePath\":\"./dist/view\","
                + "\"configuration\":{\"viewPath\":\"configuration.html\",\"schema\":{}},"
                + "\"events\":[{\"name\":\"click\",\"displayName\":\"Click\",\"libPath\":\"src/click.js\","
                + "\"viewPath\":\"events/click.html?mode=1\",\"schema\":{}}]");
        Path good = TestZips.of(dir.resolve("good.zip"), Map.of("extension.json", manifest,
                "dist/view/configuration.html", "<p>", "dist/view/events/click.html", "<p>", "src/click.js", ""));
        Path rootViews = TestZips.of(dir.resolve("root.zip"), Map.of("extension.json", manifest,
                "configuration.html", "<p>", "events/click.html", "<p>", "src/click.js", ""));

        assertTrue(PackageInspector.inspect(good).succeeded(), () -> PackageInspector.inspect(good).errors()
                .toString());
        List<ProcessingError> errors = PackageInspector.inspect(rootViews).errors();
        assertEquals(List.of(
                "\"configuration.viewPath\" names dist/view/configuration.html, which is not in the package.",
                "\"events[0].viewPath\" names dist/view/events/click.html, which is not in the package."),
                errors.stream().map(ProcessingError::detail).toList());
        assertTrue(errors.stream().allMatch(error -> error.code().equals(ProcessingError.PATH_ERROR)));
    }

    @Test
    void pathsMayNotLeaveThePackage() throws IOException {
        Path zip = TestZips.of(dir.resolve("escape.zip"), Map.of("extension.json", TestZips.manifest("escape",
                "1.0.0", "web", "\"main\":\"../main.js\",\"iconPath\":\"/icon.svg\",\"hostedLibFiles\":[42]"),
                "main.js", "", "icon.svg", ""));

        List<ProcessingError> errors = PackageInspector.inspect(zip).errors().stream()
                .filter(error -> error.code().equals(ProcessingError.PATH_ERROR)).toList();

        assertEquals(3, errors.size(), errors::toString);
        assertTrue(errors.get(0).detail().contains("../main.js"), errors::toString);
    }

    @Test
    void theManifestIsReadBeforeProcessingWhenItCanBe() throws IOException {
        assertEquals("demo", PackageInspector.readManifest(
                ExtensionZips.write(dir.resolve("ok.zip"), "demo", "1.0.0", "web")).orElseThrow().name());
        assertTrue(PackageInspector.readManifest(ExtensionZips.writeWithInvalidJson(dir.resolve("j.zip"))).isEmpty());
        assertTrue(PackageInspector.readManifest(Files.writeString(dir.resolve("t.zip"), "text")).isEmpty());
    }

    @Test
    void aPaddedZipHasAboutTheSizeAskedForAndStaysValid() throws IOException {
        long size = 3_000_000;
        Path zip = ExtensionZips.writeOfSize(dir.resolve("big.zip"), "big", "1.0.0", "web", size);

        assertTrue(Math.abs(Files.size(zip) - size) < 4096, () -> "size " + zip.toFile().length());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry padding = file.getEntry(ExtensionZips.PADDING_PATH);
            assertEquals(ZipEntry.STORED, padding.getMethod());
            byte[] start = file.getInputStream(padding).readNBytes(1024);
            assertTrue(new String(start, java.nio.charset.StandardCharsets.ISO_8859_1).chars().distinct().count() > 200,
                    "incompressible content");
        }
        assertTrue(PackageInspector.inspect(zip).succeeded());
    }

    private static void assertSingleError(Path zip, String code, String detailPart) {
        List<ProcessingError> errors = PackageInspector.inspect(zip).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(code, errors.get(0).code());
        assertTrue(errors.get(0).detail().contains(detailPart), errors.get(0)::detail);
    }
}
