package io.deploykit.camel.bc.app;

import java.util.Arrays;

import io.deploykit.camel.core.error.InvalidInputException;

/** A four-part app version ({@code major.minor.build.revision}), compared part by part as numbers. */
public record AppVersion(int major, int minor, int build, int revision) implements Comparable<AppVersion> {

    /** @throws InvalidInputException when the text is not one to four non-negative numbers separated by dots */
    public static AppVersion parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.", -1);
        int[] numbers = new int[4];
        try {
            if (parts.length < 1 || parts.length > 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < parts.length; i++) {
                numbers[i] = Integer.parseInt(parts[i]);
                if (numbers[i] < 0) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + text + "' is not an app version such as 1.0.0.0");
        }
        return new AppVersion(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    @Override
    public int compareTo(AppVersion other) {
        return Arrays.compare(new int[] {major, minor, build, revision},
                new int[] {other.major, other.minor, other.build, other.revision});
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + "." + revision;
    }
}
