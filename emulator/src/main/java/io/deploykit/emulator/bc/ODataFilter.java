package io.deploykit.emulator.bc;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one {@code $filter} form clients of this API use: {@code property eq 'text'} ({@code ''} is a quote inside
 * the literal) or {@code property eq 42}. A Code property compares in upper case, as Business Central stores it;
 * other text compares exactly.
 */
final class ODataFilter implements Predicate<ObjectNode> {

    private static final Pattern EQUALS =
            Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*)\\s+eq\\s+(?:'((?:[^']|'')*)'|([^\\s']+))\\s*");
    private static final ODataFilter NONE = new ODataFilter(null, null);

    private final String property;
    private final String wanted;

    private ODataFilter(String property, String wanted) {
        this.property = property;
        this.wanted = wanted;
    }

    /**
     * @param expression     the {@code $filter} value, or null for none (all entities pass)
     * @param properties     the properties of the entity, the only ones a filter may name
     * @param codeProperties those of them that are Code fields
     */
    static ODataFilter parse(String expression, Set<String> properties, Set<String> codeProperties) {
        if (expression == null || expression.isBlank()) {
            return NONE;
        }
        Matcher matcher = EQUALS.matcher(expression);
        if (!matcher.matches()) {
            throw ODataErrors.badRequest("The $filter '" + expression + "' is not supported by the emulator: use "
                                         + "property eq 'value'");
        }
        String property = matcher.group(1);
        if (!properties.contains(property)) {
            throw ODataErrors.badRequest("Could not find a property named '" + property + "' to filter on");
        }
        String literal = matcher.group(2) != null ? matcher.group(2).replace("''", "'") : matcher.group(3);
        boolean code = codeProperties.contains(property);
        return new ODataFilter(property, code ? literal.toUpperCase(Locale.ROOT) : literal);
    }

    /** The value the filter asks {@code name} to equal, as stored, if it filters on that property. */
    Optional<String> equality(String name) {
        return name.equals(property) ? Optional.of(wanted) : Optional.empty();
    }

    @Override
    public boolean test(ObjectNode entity) {
        if (property == null) {
            return true;
        }
        JsonNode value = entity.get(property);
        return value != null && !value.isNull() && value.asText().equals(wanted);
    }
}
