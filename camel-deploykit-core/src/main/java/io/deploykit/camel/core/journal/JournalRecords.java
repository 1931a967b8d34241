package io.deploykit.camel.core.journal;

import java.util.List;

/**
 * A state repository whose latest records can be listed, for pages that show what the journal holds (the deploys of
 * the whole cluster with a database). {@link JdbcStateRepository} and {@link DirectoryStateRepository} are.
 */
public interface JournalRecords {

    /** The {@code limit} records written last, the latest first; values as {@link DeployJournal} writes them. */
    List<JournalRecord> latest(int limit);
}
