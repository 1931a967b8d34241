package io.deploykit.emulator.bc.odata;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.odata.ODataValues.Literal;
import io.deploykit.emulator.bc.odata.ODataValues.Token;

/**
 * A {@code $filter} of comparisons joined by {@code and} and {@code or}, grouped by parentheses:
 * {@code code eq 'PKG' or (importStatus ne 'Completed' and numberOfErrors eq 0)}. A comparison is a property of the
 * entity, {@code eq} or {@code ne}, and a literal of the property's type. A Code property compares in upper case, as
 * Business Central stores it; other text compares exactly. {@code and} binds tighter than {@code or}.
 * <p>
 * Anything else (other operators, functions, {@code not}, a property the entity does not have, a literal of another
 * type) is refused with 400, as Business Central refuses a filter it cannot evaluate.
 */
public final class ODataFilter implements Predicate<ObjectNode> {

    private static final String OPTION = "$filter";
    /** OData's operators and keywords, which no property is named. */
    private static final Set<String> KEYWORDS = Set.of("not", "and", "or", "eq", "ne", "gt", "ge", "lt", "le", "has",
            "in", "add", "sub", "mul", "div", "divby", "mod");
    private static final ODataFilter NONE = new ODataFilter(entity -> true, null);

    /** An expression evaluated against an entity. */
    private interface Node extends Predicate<ObjectNode> {
    }

    private record Comparison(String property, EntityType.Kind kind, boolean equals, Literal literal) implements Node {
        @Override
        public boolean test(ObjectNode entity) {
            return equals == ODataValues.equal(kind, entity.get(property), literal.value());
        }
    }

    private record And(Node left, Node right) implements Node {
        @Override
        public boolean test(ObjectNode entity) {
            return left.test(entity) && right.test(entity);
        }
    }

    private record Or(Node left, Node right) implements Node {
        @Override
        public boolean test(ObjectNode entity) {
            return left.test(entity) || right.test(entity);
        }
    }

    private final Node root;
    private final String text;

    private ODataFilter(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    /**
     * @param expression the {@code $filter} value, or null for none (all entities pass)
     * @param type       the entity's type, whose properties alone a filter may name
     */
    static ODataFilter parse(String expression, EntityType type) {
        if (expression == null || expression.isBlank()) {
            return NONE;
        }
        Parser parser = new Parser(expression, type);
        Node root = parser.or();
        parser.expectEnd();
        return new ODataFilter(root, expression);
    }

    /**
     * The value the filter requires {@code property} to equal, when every entity it lets through must (a comparison
     * with {@code eq}, alone or in a conjunction): a lookup by code can then read an index.
     */
    public Optional<String> equality(String property) {
        return equality(root, property);
    }

    private static Optional<String> equality(Node node, String property) {
        if (node instanceof Comparison comparison) {
            return comparison.equals() && comparison.property().equals(property)
                   && comparison.literal().type() == Literal.Type.STRING
                    ? Optional.of(comparison.literal().value().asText()) : Optional.empty();
        }
        if (node instanceof And and) {
            Optional<String> left = equality(and.left(), property);
            return left.isPresent() ? left : equality(and.right(), property);
        }
        return Optional.empty();
    }

    @Override
    public boolean test(ObjectNode entity) {
        return root.test(entity);
    }

    @Override
    public String toString() {
        return text == null ? "(none)" : text;
    }

    /** Recursive descent over the tokens: or := and ('or' and)*; and := primary ('and' primary)*. */
    private static final class Parser {

        private final String text;
        private final EntityType type;
        private final List<Token> tokens;
        private int next;

        Parser(String text, EntityType type) {
            this.text = text;
            this.type = type;
            this.tokens = ODataValues.tokenize(text, OPTION);
        }

        Node or() {
            Node left = and();
            while (peekWord("or")) {
                next++;
                left = new Or(left, and());
            }
            return left;
        }

        Node and() {
            Node left = primary();
            while (peekWord("and")) {
                next++;
                left = new And(left, primary());
            }
            return left;
        }

        Node primary() {
            Token token = take();
            if (token.is(Token.Type.OPEN)) {
                Node inner = or();
                Token close = take();
                if (!close.is(Token.Type.CLOSE)) {
                    throw error(close);
                }
                return inner;
            }
            if (!token.is(Token.Type.WORD) || ODataValues.literal(token) != null || KEYWORDS.contains(token.text())
                || peek(Token.Type.OPEN)) {
                throw error(token); // a literal first, a function call, a stray comma or parenthesis
            }
            String property = token.text();
            EntityType.Kind kind = type.require(property);
            Token operator = take();
            boolean equals;
            if (operator.isWord("eq")) {
                equals = true;
            } else if (operator.isWord("ne")) {
                equals = false;
            } else {
                throw error(operator);
            }
            Token value = take();
            Literal literal = ODataValues.literal(value);
            if (literal == null) {
                throw error(value);
            }
            if (!literal.fits(kind)) {
                throw ODataErrors.badRequest("A binary operator with incompatible types was detected. Found operand "
                                             + "types '" + kind.edmType() + "' and '" + literal.edmType()
                                             + "' for operator kind '" + (equals ? "Equal" : "NotEqual") + "'");
            }
            return new Comparison(property, kind, equals, literal);
        }

        void expectEnd() {
            if (next < tokens.size()) {
                throw error(tokens.get(next));
            }
        }

        private Token take() {
            if (next >= tokens.size()) {
                throw ODataValues.syntaxError(OPTION, text.length(), text);
            }
            return tokens.get(next++);
        }

        private boolean peekWord(String word) {
            return next < tokens.size() && tokens.get(next).isWord(word);
        }

        private boolean peek(Token.Type wanted) {
            return next < tokens.size() && tokens.get(next).is(wanted);
        }

        private RuntimeException error(Token token) {
            return ODataValues.syntaxError(OPTION, token.position(), text);
        }
    }
}
