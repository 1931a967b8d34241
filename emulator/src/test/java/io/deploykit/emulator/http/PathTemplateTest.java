package io.deploykit.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void turnsParametersIntoNamedGroupsAndQuotesTheRest() {
        Pattern pattern = Pattern.compile(PathTemplate.regex("/companies({company})/file('{code}')/content"));

        Matcher matcher = pattern.matcher("/companies(abc)/file('A.B')/content");

        assertTrue(matcher.matches());
        assertEquals("abc", matcher.group("company"));
        assertEquals("A.B", matcher.group("code"));
        assertFalse(pattern.matcher("/companies(a/b)/file('X')/content").matches(), "a parameter holds no /");
    }

    @Test
    void takesARegularExpressionForAParameter() {
        Pattern pattern = Pattern.compile(PathTemplate.regex("/{set:items|customers}({id})"));

        assertTrue(pattern.matcher("/items(1)").matches());
        assertFalse(pattern.matcher("/orders(1)").matches());
    }
}
