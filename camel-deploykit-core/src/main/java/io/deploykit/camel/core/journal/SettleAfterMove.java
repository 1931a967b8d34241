package io.deploykit.camel.core.journal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.Ordered;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.support.Failures;

/**
 * Settles a deploy's journal entry (see {@link DeployJournal.Entry#settle()}) once the file consumer has moved the
 * file out of its folder: the journal finishes a deploy that a crash interrupted, but a file dropped again after
 * reaching its outcome folder is a new intention and is deployed again.
 * <p>
 * Camel runs an exchange's synchronizations last added first, then sorted by {@link Ordered}; the file consumer's
 * (which moves the file) has no order, so this one, {@link Ordered#LOWEST}, runs after it whenever it was added.
 * The order is what keeps a crash safe: one before the move leaves the entry unsettled and the file in the inbox
 * (resumed); one between the move and the settle leaves an unsettled entry for a file already moved (a later drop of
 * it is skipped, and said so, rather than deployed twice). A move that failed (the consumer only logs it) leaves the
 * file where it was: the entry is then not settled, so the next poll does not deploy the file twice. Files the
 * consumer does not hold locally (FTP) cannot be checked, and are not settled.
 */
public final class SettleAfterMove extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SettleAfterMove.class);

    private final DeployJournal.Entry entry;
    private final Path consumed;

    private SettleAfterMove(DeployJournal.Entry entry, Path consumed) {
        this.entry = entry;
        this.consumed = consumed;
    }

    /**
     * Settles {@code entry} once the exchange completes, if the exchange came from a file consumer of local files;
     * else does nothing (a file sent by a template, a remote file: the key stays the deploy's for good).
     */
    public static void register(Exchange exchange, DeployJournal.Entry entry) {
        if (!entry.isRecording()) {
            return;
        }
        Object consumedFile = exchange.getProperty(Exchange.FILE_EXCHANGE_FILE);
        if (consumedFile instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            exchange.getExchangeExtension().addOnCompletion(new SettleAfterMove(entry, file.toPath().toAbsolutePath()));
        }
    }

    @Override
    public void onComplete(Exchange exchange) {
        if (Files.exists(consumed)) {
            LOG.debug("{} is still at {} (not moved, or moved back already): {} is not settled", consumed.getFileName(),
                    consumed, entry);
            return;
        }
        // on the journal's executor: the thread completing the exchange may be one of the HTTP client's
        entry.settle().whenComplete((settled, failure) -> {
            if (failure != null) {
                LOG.warn("{} was moved out of its folder, but its deploy could not be settled ({}): the same file dropped"
                         + " again will be skipped as deployed", consumed.getFileName(), Failures.message(failure));
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST; // after the file consumer's move, whose order is the default
    }
}
