package io.deploykit.emulator.reactor.packages;

import java.util.Optional;

/**
 * One {@code filter[attribute]=OPERATOR value} of a list request, such as {@code filter[name]=EQ my-extension}.
 * Comparisons are exact and case-sensitive. {@code BETWEEN} takes two values, {@code low,high}, both included.
 */
record PackageFilter(PackageAttribute attribute, Operator operator, String value) {

    enum Operator { EQ, NOT, LT, GT, BETWEEN, CONTAINS }

    /**
     * The filter, or empty when it is malformed: an unknown attribute or operator, or no value. Adobe ignores a
     * malformed filter (and lists everything), so the caller does too.
     */
    static Optional<PackageFilter> parse(String attributeName, String expression) {
        Optional<PackageAttribute> attribute = PackageAttribute.named(attributeName);
        int space = expression.indexOf(' ');
        if (attribute.isEmpty() || space < 0 || space == expression.length() - 1) {
            return Optional.empty();
        }
        Operator operator;
        try {
            operator = Operator.valueOf(expression.substring(0, space));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String value = expression.substring(space + 1);
        if (operator == Operator.BETWEEN && value.split(",", -1).length != 2) {
            return Optional.empty();
        }
        return Optional.of(new PackageFilter(attribute.get(), operator, value));
    }

    boolean test(PackageState pkg) {
        String actual = attribute.valueOf(pkg);
        return switch (operator) {
            case EQ -> value.equals(actual);
            case NOT -> !value.equals(actual);
            case CONTAINS -> actual != null && actual.contains(value);
            case LT -> actual != null && attribute.compare(actual, value) < 0;
            case GT -> actual != null && attribute.compare(actual, value) > 0;
            case BETWEEN -> actual != null && between(actual);
        };
    }

    private boolean between(String actual) {
        String[] bounds = value.split(",", -1);
        return attribute.compare(actual, bounds[0]) >= 0 && attribute.compare(actual, bounds[1]) <= 0;
    }
}
