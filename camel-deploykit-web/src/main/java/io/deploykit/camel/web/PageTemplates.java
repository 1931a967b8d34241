package io.deploykit.camel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.util.HtmlUtils;

/** The page's files, from this module's resources; HTML ones with their {@code {{name}}} fields filled, escaped. */
final class PageTemplates {

    private PageTemplates() {
    }

    /** The files as read once: they are the module's own and never change while it runs. */
    private static final Map<String, String> READ = new ConcurrentHashMap<>();

    static String read(String name) {
        return READ.computeIfAbsent(name, PageTemplates::load);
    }

    private static String load(String name) {
        try (InputStream in = PageTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The page's resource " + name + " is missing from the module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(String name, Map<String, String> fields) {
        String html = read(name);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            html = html.replace("{{" + field.getKey() + "}}", HtmlUtils.htmlEscape(field.getValue()));
        }
        return html;
    }
}
