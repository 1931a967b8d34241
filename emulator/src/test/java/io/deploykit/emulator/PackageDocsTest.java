package io.deploykit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every package of the emulators says in its package-info what it models of the emulated services. */
class PackageDocsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/deploykit/emulator");

    @Test
    void everyPackageHasAPackageInfoWithADescription() throws IOException {
        List<Path> packages;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            packages = paths.filter(Files::isDirectory).filter(PackageDocsTest::holdsClasses).toList();
        }
        assertFalse(packages.isEmpty(), "no packages under " + SOURCES.toAbsolutePath());

        List<Path> undocumented = packages.stream().filter(dir -> !described(dir.resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), undocumented);
    }

    private static boolean holdsClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean described(Path packageInfo) {
        try {
            String text = Files.readString(packageInfo);
            return text.contains("/**") && text.indexOf("/**") < text.indexOf("package ")
                   && !text.substring(text.indexOf("/**") + 3, text.indexOf("*/")).replace("*", "").isBlank();
        } catch (IOException e) {
            return false;
        }
    }
}
