package io.deploykit.emulator.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.Json;

class ODataFilterTest {

    private static final Set<String> PROPERTIES = Set.of("name", "code", "languageId");

    @Test
    void unescapesDoubledQuotes() {
        Predicate<ObjectNode> filter = ODataFilter.parse("name eq 'O''Neil''s'", PROPERTIES, Set.of());

        assertTrue(filter.test(Json.object().put("name", "O'Neil's")));
        assertFalse(filter.test(Json.object().put("name", "O''Neil''s")));
    }

    @Test
    void comparesCodePropertiesInUpperCaseAndNumbersAsText() {
        assertTrue(ODataFilter.parse("code eq 'pkg-1'", PROPERTIES, Set.of("code"))
                .test(Json.object().put("code", "PKG-1")));
        assertTrue(ODataFilter.parse(" languageId  eq 1033 ", PROPERTIES, Set.of())
                .test(Json.object().put("languageId", 1033)));
        assertFalse(ODataFilter.parse("name eq 'x'", PROPERTIES, Set.of()).test(Json.object()));
    }

    @Test
    void refusesWhatItCannotEvaluate() {
        HttpError unsupported = assertThrows(HttpError.class,
                () -> ODataFilter.parse("name eq 'a' or name eq 'b'", PROPERTIES, Set.of()));
        HttpError unknown = assertThrows(HttpError.class,
                () -> ODataFilter.parse("colour eq 'red'", PROPERTIES, Set.of()));

        assertEquals(400, unsupported.status());
        assertEquals(400, unknown.status());
    }
}
