package io.deploykit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link of the project's Markdown pages resolves; and the check finds what is broken. */
class DocLinksTest {

    @Test
    void everyLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs in build-tools/
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CHANGELOG.md"),
                root.resolve("soak/README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() >= 9, "the README, the changelog and the docs: " + pages);
        List<String> broken = new DocLinks().broken(pages);
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void aMissingFileAndAnAnchorNoHeadingMakesAreBroken(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/ops.md"), "# Operating it\n\n## Health, metrics & JMX\n\n## Health, metrics & JMX\n");
        Files.writeString(dir.resolve("page.adoc"), "= Page\n\n== Usage\n\n[[retries]]\n=== Retries and errors\n");
        Files.writeString(dir.resolve("README.md"), """
                # Title
                ## `release:deploy`: a release, in waves
                [ok](docs/ops.md) [ok](docs/ops.md#health-metrics--jmx) [ok](docs/ops.md#health-metrics--jmx-1)
                [ok](#releasedeploy-a-release-in-waves) [ok](page.adoc#usage) [ok](page.adoc#_retries_and_errors)
                [ok](page.adoc#retries) [ok](https://example.com/nowhere) [ok](docs)
                [gone](docs/missing.md) [bad anchor](docs/ops.md#health) [bad](#title-2) [bad](page.adoc#examples)
                ```
                [in code](nowhere.md)
                ```
                and `[inline](nowhere.md)`
                """);

        List<String> broken = new DocLinks().broken(List.of(dir.resolve("README.md")));

        assertEquals(4, broken.size(), String.join("\n", broken));
        assertTrue(broken.get(0).contains("docs/missing.md (no file"), broken.get(0));
        assertTrue(broken.get(1).contains("docs/ops.md#health (no heading makes #health"), broken.get(1));
        assertTrue(broken.get(2).contains("#title-2"), broken.get(2));
        assertTrue(broken.get(3).contains("page.adoc#examples"), broken.get(3));
    }
}
