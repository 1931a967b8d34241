package io.deploykit.camel.core.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.deploykit.camel.core.error.InvalidInputException;

class UploadBodyTest {

    private final CamelContext context = new DefaultCamelContext();

    private Exchange exchange(Object body, String fileName) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        if (fileName != null) {
            exchange.getMessage().setHeader(Exchange.FILE_NAME, fileName);
        }
        return exchange;
    }

    @Test
    void aFileIsUsedWhereItLiesAndNeverDeleted(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("pkg.rapidstart"), new byte[] { 1, 2, 3 });
        try (UploadBody body = UploadBody.from(exchange(file.toFile(), null), "x")) {
            assertEquals("pkg.rapidstart", body.fileName());
            assertEquals(3, body.length());
        }
        assertTrue(Files.exists(file), "the user's file is never deleted by the upload");
    }

    @Test
    void aStreamIsSpooledToATemporaryFileThatCloseDeletes() throws Exception {
        byte[] content = "hello".getBytes();
        UploadBody body = UploadBody.from(exchange(new ByteArrayInputStream(content), "in/x.zip"), "x");
        assertEquals("x.zip", body.fileName());
        try (InputStream in = body.openStream()) {
            assertArrayEquals(content, in.readAllBytes());
        }
        try (InputStream again = body.openStream()) {
            assertArrayEquals(content, again.readAllBytes(), "readable again for a retry");
        }
        long tempFiles = countTemp();
        body.close();
        assertEquals(tempFiles - 1, countTemp());
    }

    @Test
    void bytesAndStringsAreAccepted() throws Exception {
        try (UploadBody bytes = UploadBody.from(exchange(new byte[] { 9, 9 }, null), "default.bin")) {
            assertEquals("default.bin", bytes.fileName());
            assertEquals(2, bytes.length());
        }
        try (UploadBody text = UploadBody.from(exchange("text body", null), "t")) {
            assertEquals(9, text.length());
        }
    }

    @Test
    void anEmptyBodyOrAMissingFileIsRefused(@TempDir Path dir) {
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> UploadBody.from(exchange(null, null), "x"));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> UploadBody.from(exchange(dir.resolve("nope").toFile(), null), "x"));
        assertFalse(missing.getMessage().isBlank());
    }

    private static long countTemp() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("deploykit-")).count();
        }
    }
}
