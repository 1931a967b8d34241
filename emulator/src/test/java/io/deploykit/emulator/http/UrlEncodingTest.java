package io.deploykit.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UrlEncodingTest {

    @Test
    void decodesAPathKeepingPlusSigns() {
        assertEquals("A+B C/é", UrlEncoding.decodePath("A+B%20C%2F%C3%A9"));
        assertEquals("100%", UrlEncoding.decodePath("100%"), "a stray % stays");
    }

    @Test
    void decodesAFormWherePlusIsASpace() {
        Map<String, String> form = UrlEncoding.parseForm("a=1+2&b=%27x%27&a=ignored&flag");

        assertEquals(Map.of("a", "1 2", "b", "'x'", "flag", ""), form);
    }
}
