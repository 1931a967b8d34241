package io.deploykit.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.deploykit.emulator.reactor.auth.ReactorGate;

class HeaderParametersTest {

    @Test
    void readsPlainAndQuotedParametersIgnoringTheNamesCase() {
        String header = "multipart/form-data ; Boundary=\"a;b \\\"c\\\"\"; charset=utf-8";
        assertEquals("multipart/form-data", HeaderParameters.value(header));
        assertEquals("a;b \"c\"", HeaderParameters.parameter(header, "boundary"));
        assertEquals("utf-8", HeaderParameters.parameter(header, "CHARSET"));
        assertNull(HeaderParameters.parameter(header, "name"));
    }

    @Test
    void tellsNameFromFilename() {
        String disposition = "form-data; filename=\"name=x.zip\"; name=\"package\"";
        assertEquals("package", HeaderParameters.parameter(disposition, "name"));
        assertEquals("name=x.zip", HeaderParameters.parameter(disposition, "filename"));
    }

    @Test
    void acceptsOnlyRevisionOneOfTheJsonApiType() {
        assertTrue(ReactorGate.acceptsRevision1("application/vnd.api+json;revision=1"));
        assertTrue(ReactorGate.acceptsRevision1("Application/VND.API+JSON; revision=1"));
        assertTrue(ReactorGate.acceptsRevision1("application/json, application/vnd.api+json;revision=1"));
        assertFalse(ReactorGate.acceptsRevision1("application/vnd.api+json;revision=2"));
        assertFalse(ReactorGate.acceptsRevision1("application/vnd.api+json"));
        assertFalse(ReactorGate.acceptsRevision1("application/json"));
        assertFalse(ReactorGate.acceptsRevision1("*/*"));
        assertFalse(ReactorGate.acceptsRevision1(null));
    }
}
