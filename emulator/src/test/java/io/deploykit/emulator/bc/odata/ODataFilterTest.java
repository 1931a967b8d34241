package io.deploykit.emulator.bc.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.JsonCodec;

/** The $filter grammar: eq and ne joined by and and or, with parentheses, on the type's own properties. */
class ODataFilterTest {

    private static final EntityType PACKAGE = EntityType.CONFIGURATION_PACKAGE;

    @Test
    void unescapesDoubledQuotes() {
        ODataFilter filter = ODataFilter.parse("packageName eq 'O''Neil''s'", PACKAGE);

        assertTrue(filter.test(JsonCodec.object().put("packageName", "O'Neil's")));
        assertFalse(filter.test(JsonCodec.object().put("packageName", "O''Neil''s")));
    }

    @Test
    void comparesCodesInUpperCaseNumbersByValueAndTextExactly() {
        assertTrue(ODataFilter.parse("code eq 'pkg-1'", PACKAGE).test(pkg("PKG-1", "A", 1033)));
        assertTrue(ODataFilter.parse(" languageId  eq 1033.0 ", PACKAGE).test(pkg("PKG-1", "A", 1033)));
        assertFalse(ODataFilter.parse("packageName eq 'a'", PACKAGE).test(pkg("PKG-1", "A", 1033)));
        assertFalse(ODataFilter.parse("packageName eq 'x'", PACKAGE).test(JsonCodec.object()));
        assertTrue(ODataFilter.parse("packageName eq null", PACKAGE).test(JsonCodec.object()));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        ObjectNode a = pkg("A", "x", 1);
        ObjectNode b = pkg("B", "y", 2);
        ODataFilter precedence = ODataFilter.parse("code eq 'A' or code eq 'B' and languageId eq 1", PACKAGE);
        ODataFilter grouped = ODataFilter.parse("(code eq 'A' or code eq 'B') and languageId eq 2", PACKAGE);
        ODataFilter negated = ODataFilter.parse("code ne 'A' and (packageName ne 'x')", PACKAGE);

        assertTrue(precedence.test(a));
        assertFalse(precedence.test(b));
        assertFalse(grouped.test(a));
        assertTrue(grouped.test(b));
        assertFalse(negated.test(a));
        assertTrue(negated.test(b));
    }

    @Test
    void findsTheEqualityALookupCanUseAnIndexFor() {
        assertEquals(Optional.of("x"), ODataFilter.parse("code eq 'x' and languageId eq 1", PACKAGE).equality("code"));
        assertEquals(Optional.empty(), ODataFilter.parse("code eq 'x' or languageId eq 1", PACKAGE).equality("code"));
        assertEquals(Optional.empty(), ODataFilter.parse("code ne 'x'", PACKAGE).equality("code"));
    }

    @Test
    void refusesWhatItCannotEvaluate() {
        for (String filter : new String[] {"code gt 'a'", "startswith(code,'a')", "not code eq 'a'",
                "(code eq 'a'", "code eq 'a')", "code eq", "code eq 'a' or", "'a' eq code", "code eq 'unterminated"}) {
            HttpError refused = assertThrows(HttpError.class, () -> ODataFilter.parse(filter, PACKAGE), filter);
            assertEquals(400, refused.status(), filter);
            assertEquals("BadRequest_NotFound", refused.code(), filter);
            assertTrue(refused.getMessage().startsWith("Syntax error at position"), refused::getMessage);
        }
        HttpError unknown = assertThrows(HttpError.class, () -> ODataFilter.parse("colour eq 'red'", PACKAGE));
        HttpError mistyped = assertThrows(HttpError.class, () -> ODataFilter.parse("languageId eq 'x'", PACKAGE));

        assertEquals("BadRequest", unknown.code());
        assertEquals("Could not find a property named 'colour' on type 'Microsoft.NAV.configurationPackage'",
                unknown.getMessage());
        assertEquals("BadRequest", mistyped.code());
        assertTrue(mistyped.getMessage().contains("incompatible types"), mistyped::getMessage);
    }

    private static ObjectNode pkg(String code, String name, int languageId) {
        return JsonCodec.object().put("code", code).put("packageName", name).put("languageId", languageId);
    }
}
