package io.deploykit.emulator.reactor.manifest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version ({@code 1.4.0}, {@code 2.0.0-beta.1}), ordered by the precedence rules of Semantic Versioning
 * 2.0.0: build metadata ({@code +build}) is ignored, and a pre-release comes before its release.
 */
public record Semver(long major, long minor, long patch, List<String> preRelease) implements Comparable<Semver> {

    private static final Pattern FORMAT = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
            + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    /** The version, or empty when the text is not a semantic version. */
    public static Optional<Semver> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            List<String> preRelease = matcher.group(4) == null ? List.of() : List.of(matcher.group(4).split("\\."));
            return Optional.of(new Semver(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)), preRelease));
        } catch (NumberFormatException e) { // beyond a long
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(Semver other) {
        int result = Long.compare(major, other.major);
        if (result == 0) {
            result = Long.compare(minor, other.minor);
        }
        if (result == 0) {
            result = Long.compare(patch, other.patch);
        }
        return result != 0 ? result : comparePreRelease(preRelease, other.preRelease);
    }

    private static int comparePreRelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty()); // the release follows its pre-releases
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int result = compareIdentifier(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = NUMERIC.matcher(a).matches();
        boolean bNumeric = NUMERIC.matcher(b).matches();
        if (aNumeric && bNumeric) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1; // numeric identifiers come first
        }
        return a.compareTo(b);
    }
}
