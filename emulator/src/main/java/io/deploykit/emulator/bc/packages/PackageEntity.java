package io.deploykit.emulator.bc.packages;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;

import io.deploykit.emulator.bc.files.FileAction;
import io.deploykit.emulator.bc.odata.ETags;
import io.deploykit.emulator.bc.odata.ODataErrors;

/**
 * A configuration package and its import and apply state. Every change goes through a synchronized method, which
 * also moves the version on, and with it the ETag.
 */
public final class PackageEntity {

    private static final int MAX_ERROR_LENGTH = 2048;

    private final String id = UUID.randomUUID().toString();
    private volatile String code; // read without the lock: listing and the registry's index read it often
    private String packageName = "";
    private int languageId;
    private String productVersion = "";
    private int processingOrder;
    private boolean excludeConfigurationTables;
    private int numberOfTables;
    private int numberOfRecords;
    private int numberOfErrors;
    private JobState importStatus = JobState.NO;
    private String importError = "";
    private JobState applyStatus = JobState.NO;
    private String applyError = "";
    private long version;
    private long etagVersion = -1;
    private String etag;
    private boolean hasFile;
    private long fileSize;
    private String fileSha256 = "";
    private long fileVersion;
    private boolean deleted;

    PackageEntity(PackageInput input) {
        this.code = input.code();
        update(input);
    }

    String id() {
        return id;
    }

    String code() {
        return code;
    }

    synchronized String etag() {
        if (etagVersion != version) { // a list answer carries every package's ETag: hash each version once
            etag = ETags.of(id, version);
            etagVersion = version;
        }
        return etag;
    }

    synchronized String fileEtag() {
        return ETags.of(id + "/file", fileVersion);
    }

    synchronized boolean hasFile() {
        return hasFile;
    }

    public synchronized PackageSnapshot snapshot() {
        return new PackageSnapshot(etag(), id, code, packageName, languageId, productVersion, processingOrder,
                excludeConfigurationTables, numberOfTables, numberOfRecords, numberOfErrors, importStatus.toString(),
                importError, applyStatus.toString(), applyError, hasFile, fileSize);
    }

    /** Applies the properties the input has; the registry checks that a new code is free. */
    synchronized void update(PackageInput input) {
        if (input.code() != null) {
            code = input.code();
        }
        if (input.packageName() != null) {
            packageName = input.packageName();
        }
        if (input.languageId() != null) {
            languageId = input.languageId();
        }
        if (input.productVersion() != null) {
            productVersion = input.productVersion();
        }
        if (input.processingOrder() != null) {
            processingOrder = input.processingOrder();
        }
        if (input.excludeConfigurationTables() != null) {
            excludeConfigurationTables = input.excludeConfigurationTables();
        }
        version++;
    }

    /**
     * Runs the action that puts an uploaded file in place, unless the package was deleted meanwhile.
     *
     * @param sha256 the file's SHA-256, lower-case hexadecimal, for the history of imports and applies
     * @return false when the package was deleted
     */
    synchronized boolean storeFile(FileAction install, long size, String sha256) throws IOException {
        if (deleted) {
            return false;
        }
        install.run();
        hasFile = true;
        fileSize = size;
        fileSha256 = sha256;
        fileVersion++;
        return true;
    }

    synchronized void markDeleted() {
        deleted = true;
    }

    /**
     * Schedules an import, or refuses as Business Central does.
     *
     * @param scheduled told the SHA-256 of the file to import once scheduled, under this package's lock, so that
     *                  the history has the package's jobs in their order
     */
    synchronized void scheduleImport(Consumer<String> scheduled) {
        if (importStatus.running()) {
            throw ODataErrors.refused("The package " + code + " is already being imported (importStatus "
                                      + importStatus + "). Wait until the import has finished");
        }
        if (applyStatus.running()) {
            throw ODataErrors.refused("The package " + code + " cannot be imported while it is being applied "
                                      + "(applyStatus " + applyStatus + ")");
        }
        if (!hasFile) {
            throw ODataErrors.refused("The package " + code + " has no file to import. Upload the RapidStart file "
                                      + "to file('" + code + "')/content first");
        }
        importStatus = JobState.SCHEDULED;
        importError = "";
        version++;
        scheduled.accept(fileSha256);
    }

    /**
     * Schedules an apply, or refuses as Business Central does.
     *
     * @param scheduled told the SHA-256 of the file stored now once scheduled, under this package's lock
     */
    synchronized void scheduleApply(Consumer<String> scheduled) {
        if (importStatus.running() || applyStatus.running()) {
            throw ODataErrors.refused("The package " + code + " cannot be applied while it is being imported or "
                                      + "applied (importStatus " + importStatus + ", applyStatus " + applyStatus + ")");
        }
        if (importStatus != JobState.COMPLETED) {
            throw ODataErrors.refused("The package " + code + " must be imported before it is applied (importStatus "
                                      + importStatus + ")");
        }
        applyStatus = JobState.SCHEDULED;
        applyError = "";
        version++;
        scheduled.accept(fileSha256);
    }

    /** Moves a scheduled job on to InProgress; false when it is not scheduled any more. */
    synchronized boolean begin(BackgroundJob job) {
        if (status(job) != JobState.SCHEDULED) {
            return false;
        }
        setStatus(job, JobState.IN_PROGRESS);
        version++;
        return true;
    }

    synchronized void importCompleted(RapidStartContent content) {
        importStatus = JobState.COMPLETED;
        numberOfTables = content.tables();
        numberOfRecords = (int) Math.min(Integer.MAX_VALUE, content.records());
        numberOfErrors = 0;
        if (content.packageName() != null) {
            packageName = content.packageName();
        }
        if (content.productVersion() != null) {
            productVersion = content.productVersion();
        }
        if (content.languageId() != null) {
            languageId = content.languageId();
        }
        version++;
    }

    synchronized void applyCompleted(int recordErrors) {
        applyStatus = JobState.COMPLETED;
        numberOfErrors = recordErrors;
        version++;
    }

    synchronized void failed(BackgroundJob job, String message) {
        String error = message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
        if (job == BackgroundJob.IMPORT) {
            importStatus = JobState.ERROR;
            importError = error;
        } else {
            applyStatus = JobState.ERROR;
            applyError = error;
        }
        version++;
    }

    private JobState status(BackgroundJob job) {
        return job == BackgroundJob.IMPORT ? importStatus : applyStatus;
    }

    private void setStatus(BackgroundJob job, JobState status) {
        if (job == BackgroundJob.IMPORT) {
            importStatus = status;
        } else {
            applyStatus = status;
        }
    }
}
