package io.deploykit.examples.filedrop;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;

/**
 * Moves a file whose route is done into its outcome folder ({@code .done} or {@code .error}, the exchange property
 * {@link Inbox#OUTCOME}) without replacing an earlier file of the same name: the file keeps its name when it is
 * free, else it gets the UTC time of the move, {@code name.20261203T162317.482Z}. Camel's own {@code move} deletes
 * what was there. The failure note of a file bound for {@code .error}, and the report of a release in either folder,
 * are written first, named after the name the file gets, so whoever sees the file there finds them. Works through the consumer's own operations: local
 * folders and FTP alike.
 * <p>
 * A release dropped as a folder is picked by its manifest, written last; {@link #ofFolders} moves the whole folder.
 */
final class OutcomeMove<T> extends GenericFileRenameProcessStrategy<T> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String folder;
    private final FailureNote notes;
    private final ReleaseReports reports;
    private final Clock clock;

    /** What moves: the file picked, or the folder that holds it (a release's, picked by its manifest). */
    private final boolean wholeFolder;

    OutcomeMove(String folder, FailureNote notes, ReleaseReports reports, Clock clock) {
        this(folder, notes, reports, clock, false);
    }

    private OutcomeMove(String folder, FailureNote notes, ReleaseReports reports, Clock clock, boolean wholeFolder) {
        this.wholeFolder = wholeFolder;
        this.folder = folder;
        this.notes = notes;
        this.reports = reports;
        this.clock = clock;
        setCommitRenamer(this::outcomeName);
    }

    /** Moves the folder of each file picked (one level below the inbox folder) instead of the file. */
    static <T> OutcomeMove<T> ofFolders(String folder, FailureNote notes, ReleaseReports reports, Clock clock) {
        return new OutcomeMove<>(folder, notes, reports, clock, true);
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint) throws Exception {
        // the read lock named by the endpoint's exclusiveReadLockStrategy, as Camel's own strategy would use it
        setExclusiveReadLockStrategy(endpoint.getExclusiveReadLockStrategy());
        super.prepareOnStartup(operations, endpoint);
    }

    private GenericFile<T> outcomeName(GenericFileOperations<T> operations, Exchange exchange, GenericFile<T> file) {
        String outcome = exchange.getProperty(Inbox.OUTCOME, Inbox.DONE, String.class);
        String name = outcome + "/" + (wholeFolder ? folderOf(file) : file.getFileNameOnly());
        GenericFile<T> target = renamed(operations, file, name);
        for (int attempt = 2; operations.existsFile(target.getAbsoluteFilePath()); attempt++) {
            String stamp = STAMP.format(clock.instant());
            target = renamed(operations, file, name + "." + stamp + (attempt > 2 ? "-" + attempt : ""));
        }
        if (Inbox.ERROR.equals(outcome)) {
            notes.writeBeside(exchange, folder, target.getFileNameOnly());
        }
        reports.writeBeside(exchange, folder, outcome, target.getFileNameOnly()); // a release's, in either folder
        return target;
    }

    @Override
    protected GenericFile<T> renameFile(GenericFileOperations<T> operations, GenericFile<T> from, GenericFile<T> to) {
        return super.renameFile(operations, wholeFolder ? renamed(operations, from, folderOf(from)) : from, to);
    }

    /** The folder, directly in the inbox folder, that holds {@code file}. */
    private static String folderOf(GenericFile<?> file) {
        String relative = file.getRelativeFilePath().replace('\\', '/');
        return relative.substring(0, relative.indexOf('/'));
    }

    private static <T> GenericFile<T> renamed(GenericFileOperations<T> operations, GenericFile<T> file, String name) {
        GenericFile<T> target = operations.newGenericFile();
        target.copyFrom(file, target);
        target.changeFileName(name);
        return target;
    }
}
