package io.deploykit.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** One request and its answer, as the handlers see them: path parameters, bodies, and ways to respond. */
public final class Exchange {

    public static final String JSON = "application/json; charset=utf-8";
    /** A token request's form is a few hundred bytes; more is not a form any token endpoint takes. */
    private static final int MAX_FORM = 64 * 1024;

    private final HttpExchange http;
    private final InputStream body;
    private final String correlationId = UUID.randomUUID().toString();
    private Matcher pathMatch;
    private Map<String, String> query;
    private int status;
    private boolean dropped;
    private boolean discarding;
    private Runnable onAnswer = () -> { };
    private boolean announced;
    private String principal;

    Exchange(HttpExchange http) {
        this.http = http;
        // taken up front: the JDK server only keeps a connection alive when the request body stream was opened
        this.body = http.getRequestBody();
    }

    /**
     * Runs just before the answer leaves (or the connection is dropped), once: what it records is there before
     * the client can see the answer.
     */
    void onAnswer(Runnable hook) {
        this.onAnswer = hook;
    }

    /** Runs the answer hook, unless the answer already did: for a request that got no answer at all. */
    void announce() {
        if (!announced) {
            announced = true;
            onAnswer.run();
        }
    }

    /**
     * From now on, the handler's answer is produced in full (its content read, its status and headers set) but goes
     * nowhere: neither the client nor the request log sees it. For a fault that hits after the service acted.
     */
    void discardAnswer() {
        discarding = true;
    }

    /**
     * Stops discarding and forgets the discarded answer, its status and headers, so that another can be sent.
     *
     * @return the status of the discarded answer; 0 when the handler gave none
     */
    int endDiscarding() {
        discarding = false;
        int discarded = status;
        status = 0;
        http.getResponseHeaders().clear();
        return discarded;
    }

    void matched(Matcher pathMatch) {
        this.pathMatch = pathMatch;
    }

    public String method() {
        return http.getRequestMethod();
    }

    /** The path as sent, still percent-encoded. */
    public String path() {
        return http.getRequestURI().getRawPath();
    }

    /** The query string as sent, or null. */
    public String rawQuery() {
        return http.getRequestURI().getRawQuery();
    }

    /**
     * A named group of the matched route's pattern, percent-decoded; null when the pattern has no such group or it
     * took no part in the match.
     */
    public String pathParam(String name) {
        String raw;
        try {
            raw = pathMatch == null ? null : pathMatch.group(name);
        } catch (IllegalArgumentException e) { // Java 17 cannot ask a pattern for its group names
            raw = null;
        }
        return raw == null ? null : UrlEncoding.decodePath(raw);
    }

    /** A query parameter, decoded; null when absent. */
    public String queryParam(String name) {
        if (query == null) {
            query = UrlEncoding.parseForm(rawQuery());
        }
        return query.get(name);
    }

    public String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** The declared Content-Length; empty for a chunked body. */
    public OptionalLong declaredLength() {
        String value = header("Content-Length");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A small body, such as JSON or a form, read whole. */
    public byte[] readBody(int maxBytes) throws IOException {
        if (declaredLength().orElse(0) > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return bytes;
    }

    /** A URL-encoded form body, such as a token request's, by field name. */
    public Map<String, String> readForm() throws IOException {
        return UrlEncoding.parseForm(new String(readBody(MAX_FORM), StandardCharsets.UTF_8));
    }

    /**
     * Streams the body into a file, never holding it in memory. A declared length over the limit is refused before
     * reading anything; a chunked body is read only up to the limit. The file is deleted when this fails.
     *
     * @return the number of bytes written
     * @throws BodyTooLargeException when the body is longer than {@code maxBytes}
     */
    public long saveBody(Path target, long maxBytes) throws IOException {
        try (InputStream in = openBody(maxBytes);
             OutputStream out = Files.newOutputStream(target)) {
            return in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    /**
     * Streams the body into a file as {@link #saveBody(Path, long)} does, and hashes it on the way (beside the
     * request, for a large body), so that the content is never read twice.
     *
     * @throws BodyTooLargeException when the body is longer than {@code maxBytes}
     */
    public SavedBody saveHashedBody(Path target, long maxBytes) throws IOException {
        try (InputStream in = openBody(maxBytes);
             DigestingOutputStream out = new DigestingOutputStream(Files.newOutputStream(target))) {
            long size = in.transferTo(out);
            out.close(); // the hash is known once closed
            return new SavedBody(size, out.sha256());
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    /**
     * A body saved to a file.
     *
     * @param size   its length in bytes
     * @param sha256 its SHA-256, lower-case hexadecimal
     */
    public record SavedBody(long size, String sha256) {
    }

    /**
     * The body as a stream, for a handler that parses it as it arrives. A declared length over the limit is refused
     * before reading anything; reading past the limit of a chunked body fails.
     *
     * @throws BodyTooLargeException when the body is, or turns out to be, longer than {@code maxBytes}
     */
    public InputStream openBody(long maxBytes) throws IOException {
        if (declaredLength().orElse(0) > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return new LimitedInputStream(body, maxBytes);
    }

    /**
     * Who sent the request, once authenticated: such as {@code client:ID} for an OAuth client's token or
     * {@code user:NAME} for Basic authentication; null before (or without) authentication.
     */
    public String principal() {
        return principal;
    }

    public void principal(String principal) {
        this.principal = principal;
    }

    /** The id of this request, to put in error messages and correlation headers. */
    public String correlationId() {
        return correlationId;
    }

    /** {@code http://host:port} as the client addressed this server. */
    public String baseUrl() {
        String host = header("Host");
        if (host == null) {
            var address = http.getLocalAddress();
            host = address.getHostString() + ":" + address.getPort();
        }
        return "http://" + host;
    }

    public void setHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    public void respondJson(int status, JsonNode body) throws IOException {
        respond(status, JSON, JsonCodec.bytes(body));
    }

    public void respond(int status, String contentType, byte[] content) throws IOException {
        setHeader("Content-Type", contentType);
        sendHeaders(status, content.length == 0 ? -1 : content.length);
        if (content.length > 0) {
            try (OutputStream out = responseBody()) {
                out.write(content);
            }
        }
    }

    /** Streams {@code length} bytes of content, then closes it. */
    public void respond(int status, String contentType, long length, InputStream content) throws IOException {
        try (content) {
            setHeader("Content-Type", contentType);
            sendHeaders(status, length == 0 ? -1 : length);
            if (length > 0) {
                try (OutputStream out = responseBody()) {
                    content.transferTo(out);
                }
            }
        }
    }

    /** An answer without a body, such as 204. */
    public void respondEmpty(int status) throws IOException {
        sendHeaders(status, -1);
    }

    private void sendHeaders(int status, long length) throws IOException {
        this.status = status;
        if (discarding) {
            return;
        }
        announce();
        http.sendResponseHeaders(status, length);
    }

    /** Where the answer's content goes: to the client, or, while discarding, nowhere (but all of it). */
    private OutputStream responseBody() {
        return discarding ? OutputStream.nullOutputStream() : http.getResponseBody();
    }

    public boolean responded() {
        return status != 0 || dropped;
    }

    /** Closes the connection without any answer, as a failing network or proxy would. */
    void drop() {
        dropped = true;
        announce();
        http.close(); // before sendResponseHeaders, the JDK server closes the socket instead of answering
    }

    /** The status sent, or 0 when none was (the connection was dropped, or the handler failed to answer). */
    int status() {
        return status;
    }

    boolean dropped() {
        return dropped;
    }

    String requestLine() {
        String query = rawQuery();
        return method() + " " + path() + (query == null ? "" : "?" + query);
    }

    void close() {
        http.close();
    }
}
