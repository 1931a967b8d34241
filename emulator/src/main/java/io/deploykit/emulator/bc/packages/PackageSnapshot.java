package io.deploykit.emulator.bc.packages;

/**
 * A configuration package as it was when the snapshot was taken, with the properties of the API (statuses are the
 * API's strings: {@code No}, {@code Scheduled}, {@code InProgress}, {@code Completed}, {@code Error}), plus what the
 * emulator knows of its uploaded file.
 *
 * @param hasFile  whether a file was uploaded
 * @param fileSize the size of the uploaded file in bytes, 0 when none
 */
public record PackageSnapshot(String etag, String id, String code, String packageName, int languageId,
                              String productVersion, int processingOrder, boolean excludeConfigurationTables,
                              int numberOfTables, int numberOfRecords, int numberOfErrors,
                              String importStatus, String importError, String applyStatus, String applyError,
                              boolean hasFile, long fileSize) {
}
