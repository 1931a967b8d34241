package io.deploykit.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown pages that lead nowhere: a file that does not exist, or an {@code #anchor} that no
 * heading of the target makes (GitHub's rules for Markdown; for AsciiDoc, GitHub's and Asciidoctor's ids). Links to
 * other sites are not followed: the build runs offline.
 */
public final class DocLinks {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern MD_HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern ADOC_HEADING = Pattern.compile("^={1,6}\\s+(.+?)\\s*$");
    private static final Pattern ADOC_ID = Pattern.compile("^\\[(?:\\[|#)([\\w.-]+)");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /** Each broken link of the pages, as {@code page: link (why)}; empty when every link resolves. */
    public List<String> broken(List<Path> pages) {
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            for (String link : links(read(page))) {
                String problem = problem(page, link);
                if (problem != null) {
                    broken.add(page + ": " + link + " (" + problem + ")");
                }
            }
        }
        return broken;
    }

    private String problem(Path page, String link) {
        if (link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null; // https:, mailto: ...
        }
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        Path target = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(target)) {
            return "no file " + target;
        }
        if (hash < 0 || Files.isDirectory(target)) {
            return null;
        }
        String anchor = link.substring(hash + 1);
        return anchorsOf(target).contains(anchor) ? null : "no heading makes #" + anchor + " in " + target;
    }

    /** The links of a page, outside fenced code blocks and inline code. */
    static List<String> links(String markdown) {
        List<String> links = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
                while (matcher.find()) {
                    links.add(matcher.group(1));
                }
            }
        }
        return links;
    }

    private Set<String> anchorsOf(Path target) {
        return anchors.computeIfAbsent(target.toAbsolutePath(), path -> {
            boolean adoc = path.toString().endsWith(".adoc");
            Set<String> ids = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean fenced = false;
            for (String line : read(path).split("\n", -1)) {
                if (!adoc && line.stripLeading().startsWith("```")) {
                    fenced = !fenced;
                }
                Matcher heading = (adoc ? ADOC_HEADING : MD_HEADING).matcher(line);
                if (!fenced && heading.matches()) {
                    String slug = slug(heading.group(1));
                    int count = seen.merge(slug, 1, Integer::sum);
                    ids.add(count == 1 ? slug : slug + "-" + (count - 1));
                    if (adoc) {
                        ids.add("_" + slug.replace('-', '_'));
                    }
                }
                Matcher id = ADOC_ID.matcher(line);
                if (adoc && id.find()) {
                    ids.add(id.group(1));
                }
            }
            return ids;
        });
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String read(Path path) {
        try {
            return Files.readString(path).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
