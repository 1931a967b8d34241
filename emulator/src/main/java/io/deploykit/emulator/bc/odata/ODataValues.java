package io.deploykit.emulator.bc.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * OData's URL literals and the comparison of property values, shared by {@code $filter}, {@code $orderby} and the
 * skip tokens of server-driven paging: {@code 'text'} ({@code ''} is a quote inside), numbers, {@code true},
 * {@code false}, {@code null}, GUIDs and date-times written bare.
 */
final class ODataValues {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?[mMdDfFlL]?");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A token of a query option's expression. */
    record Token(Type type, String text, int position) {

        enum Type { OPEN, CLOSE, COMMA, STRING, WORD }

        boolean is(Type wanted) {
            return type == wanted;
        }

        boolean isWord(String word) {
            return type == Type.WORD && text.equals(word);
        }
    }

    /** A literal value, typed as OData types it. */
    record Literal(Type type, JsonNode value) {

        enum Type { STRING, NUMBER, BOOLEAN, NULL, GUID, DATE_TIME }

        /** Whether a property of this kind may be compared with this literal. */
        boolean fits(EntityType.Kind kind) {
            return switch (type) {
                case NULL -> true;
                case STRING -> kind.textual();
                case NUMBER -> kind.numeric();
                case BOOLEAN -> kind == EntityType.Kind.BOOLEAN;
                case GUID -> kind == EntityType.Kind.GUID;
                case DATE_TIME -> kind == EntityType.Kind.DATETIME;
            };
        }

        String edmType() {
            return switch (type) {
                case NULL -> "null";
                case STRING -> "Edm.String";
                case NUMBER -> value.isIntegralNumber() ? "Edm.Int32" : "Edm.Decimal";
                case BOOLEAN -> "Edm.Boolean";
                case GUID -> "Edm.Guid";
                case DATE_TIME -> "Edm.DateTimeOffset";
            };
        }
    }

    private ODataValues() {
    }

    /**
     * Splits an expression into tokens: parentheses, commas, quoted strings and words (names, keywords, bare
     * literals).
     *
     * @param option the query option, for the error message of an unterminated string
     */
    static List<Token> tokenize(String text, String option) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Token.Type.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Token.Type.CLOSE, ")", i++));
            } else if (c == ',') {
                tokens.add(new Token(Token.Type.COMMA, ",", i++));
            } else if (c == '\'') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw syntaxError(option, start, text);
                    }
                    char s = text.charAt(i);
                    if (s == '\'') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                            value.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(s);
                    i++;
                }
                tokens.add(new Token(Token.Type.STRING, value.toString(), start));
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "(),'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Token.Type.WORD, text.substring(start, i), start));
            }
        }
        return tokens;
    }

    /** The literal a token writes; null when it is none (a name or a keyword). */
    static Literal literal(Token token) {
        if (token.is(Token.Type.STRING)) {
            return new Literal(Literal.Type.STRING, NODES.textNode(token.text()));
        }
        if (!token.is(Token.Type.WORD)) {
            return null;
        }
        String word = token.text();
        switch (word) {
            case "true":
                return new Literal(Literal.Type.BOOLEAN, NODES.booleanNode(true));
            case "false":
                return new Literal(Literal.Type.BOOLEAN, NODES.booleanNode(false));
            case "null":
                return new Literal(Literal.Type.NULL, NODES.nullNode());
            default:
                break;
        }
        if (GUID.matcher(word).matches()) {
            return new Literal(Literal.Type.GUID, NODES.textNode(word));
        }
        if (DATE_TIME.matcher(word).matches() && instant(word) != null) {
            return new Literal(Literal.Type.DATE_TIME, NODES.textNode(word));
        }
        if (NUMBER.matcher(word).matches()) {
            String digits = word.replaceAll("[mMdDfFlL]$", "");
            BigDecimal number = new BigDecimal(digits);
            return new Literal(Literal.Type.NUMBER, digits.matches("[+-]?\\d+")
                    ? NODES.numberNode(number.toBigInteger()) : NODES.numberNode(number));
        }
        return null;
    }

    /** A property value written as the literal {@link #literal} reads back, for skip tokens. */
    static String write(EntityType.Kind kind, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (kind.textual()) {
            return "'" + value.asText().replace("'", "''") + "'";
        }
        return value.asText();
    }

    /** Whether a property's value equals a literal, as Business Central compares them (a Code in upper case). */
    static boolean equal(EntityType.Kind kind, JsonNode value, JsonNode literal) {
        boolean valueNull = value == null || value.isNull() || value.isMissingNode();
        if (valueNull || literal.isNull()) {
            return valueNull && literal.isNull();
        }
        return switch (kind) {
            case STRING, ENUM -> value.asText().equals(literal.asText());
            case CODE -> value.asText().toUpperCase(Locale.ROOT).equals(literal.asText().toUpperCase(Locale.ROOT));
            default -> compare(kind, value, literal) == 0;
        };
    }

    /** Orders values of a property: nulls first, text ignoring case (ties by code point), the rest by value. */
    static int compare(EntityType.Kind kind, JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return Boolean.compare(!aNull, !bNull);
        }
        return switch (kind) {
            case STRING, CODE, ENUM -> {
                int ignoringCase = String.CASE_INSENSITIVE_ORDER.compare(a.asText(), b.asText());
                yield ignoringCase != 0 ? ignoringCase : a.asText().compareTo(b.asText());
            }
            case GUID -> a.asText().toLowerCase(Locale.ROOT).compareTo(b.asText().toLowerCase(Locale.ROOT));
            case INTEGER, DECIMAL -> a.decimalValue().compareTo(b.decimalValue());
            case BOOLEAN -> Boolean.compare(a.asBoolean(), b.asBoolean());
            case DATETIME -> Comparator.nullsFirst(Comparator.<Instant>naturalOrder())
                    .compare(instant(a.asText()), instant(b.asText()));
        };
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Business Central's answer to a query option it cannot parse (its error code table lists "Bad Request - Error
     * in query syntax" under {@code BadRequest_NotFound}), with the position as the OData parser reports it.
     */
    static RuntimeException syntaxError(String option, int position, String text) {
        return ODataErrors.querySyntax("Syntax error at position " + position + " in '" + text + "' of the " + option
                                       + " query option");
    }
}
