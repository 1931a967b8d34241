package io.deploykit.emulator.bc.packages;

/**
 * What reading a RapidStart file found: the header of its {@code DataList} (null where an attribute is absent) and
 * how many tables and records it holds.
 */
record RapidStartContent(String code, String packageName, String productVersion, Integer languageId, int tables,
                         long records) {
}
