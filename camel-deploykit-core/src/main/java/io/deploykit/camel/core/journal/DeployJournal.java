package io.deploykit.camel.core.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.util.ObjectHelper;

import io.deploykit.camel.core.error.JournalUnavailableException;
import io.deploykit.camel.core.json.ApiJson;
import io.deploykit.camel.core.support.Failures;

/**
 * Where deploys record their progress, step by step, in a Camel {@link StateRepository} shared by every instance
 * that may process the same message: a deploy that was interrupted (a crash, a stop, another instance taking the
 * file over) continues from its last step instead of starting again, and one that completed is not sent again.
 * <p>
 * A deploy is known by its key (which file, as what content) within a scope (which component, service and target)
 * and an operation. The repository's key is a SHA-256 of the three, so that any repository accepts it; the value is
 * one line of JSON that also names the deploy in words, for whoever reads the store.
 * <p>
 * The repository's calls block (JDBC, file I/O): the asynchronous {@link Entry#lastAsync()} and
 * {@link Entry#recordAsync} run them on the journal's own executor, never on the thread that asks (an HTTP client's
 * I/O thread, in a deploy's chain), and fail with {@link JournalUnavailableException} when one fails or takes longer
 * than the timeout.
 */
public final class DeployJournal {

    /** A journal that keeps nothing: every deploy starts from the beginning. */
    public static final DeployJournal NONE = new DeployJournal(null, "", Clock.systemUTC());

    /** The field of a stored step that marks its deploy as over for good (see {@link Entry#settle()}). */
    static final String SETTLED = "settled";

    private final StateRepository<String, String> repository;
    private final String scope;
    private final Clock clock;
    private final Executor executor;
    private final Duration timeout;
    /** Per store key, the last call asked: the next one for that key runs after it (see {@link #call}). */
    private final ConcurrentHashMap<String, CompletableFuture<?>> lastCalls = new ConcurrentHashMap<>();

    /** A journal whose calls run on the thread that asks, without a time limit (for tests and tools). */
    public DeployJournal(StateRepository<String, String> repository, String scope, Clock clock) {
        this(repository, scope, clock, Runnable::run, null);
    }

    /**
     * @param scope    names what the deploys target, such as {@code bc:tenant/environment/company}: the same file
     *                 deployed to two targets is two deploys
     * @param executor runs the repository's calls
     * @param timeout  how long one call may take (named {@code stateRepositoryTimeout} in messages), or null for no limit
     */
    public DeployJournal(StateRepository<String, String> repository, String scope, Clock clock, Executor executor,
                         Duration timeout) {
        this.repository = repository;
        this.scope = scope;
        this.clock = clock;
        this.executor = executor;
        this.timeout = timeout;
    }

    /** Whether steps are kept at all. */
    public boolean isRecording() {
        return repository != null;
    }

    /** The record of one deploy: this operation of the deploy with this key. */
    public Entry entry(String operation, String deployKey) {
        return new Entry(operation, deployKey);
    }

    /** One deploy's steps. */
    public final class Entry {

        private final String operation;
        private final String deployKey;
        private final String storeKey;
        private volatile Consumer<String> stepListener;

        private Entry(String operation, String deployKey) {
            this.operation = operation;
            this.deployKey = deployKey;
            this.storeKey = repository == null ? null : sha256(scope + '\n' + operation + '\n' + deployKey);
        }

        /** Whether this deploy's steps are kept (a journal with a state repository). */
        public boolean isRecording() {
            return repository != null;
        }

        /** The last step recorded, if any, none once the deploy was {@link #settle() settled}; blocks the calling thread (see {@link #lastAsync()}). */
        public Optional<DeployStep> last() {
            return await(lastAsync());
        }

        /**
         * The last step recorded, if any, read on the journal's executor; fails with
         * {@link JournalUnavailableException} when the repository fails or does not answer in time.
         */
        public CompletableFuture<Optional<DeployStep>> lastAsync() {
            if (repository == null) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return call("read the progress of " + this, storeKey, () -> repository.getState(storeKey)).thenApply(Entry::parse);
        }

        private static Optional<DeployStep> parse(String value) {
            if (ObjectHelper.isEmpty(value)) {
                return Optional.empty();
            }
            JsonNode json = ApiJson.tree(value.getBytes(StandardCharsets.UTF_8));
            if (json.path(SETTLED).asBoolean(false)) {
                return Optional.empty(); // its file reached its outcome folder: the same file again is a new deploy
            }
            String at = ApiJson.text(json, "at");
            return Optional.of(new DeployStep(ApiJson.text(json, "step"), ApiJson.text(json, "id"), ApiJson.text(json, "marker"),
                    at == null ? null : Instant.parse(at)));
        }

        /** Tells {@code listener} the name of every step recorded from now on (for consoles), journal or not. */
        public Entry onStep(Consumer<String> listener) {
            this.stepListener = listener;
            return this;
        }

        /**
         * Records a step, a constant of the operation's step enum whose name is what the journal keeps: before the
         * request it names is sent, or once it is known to be done.
         */
        public DeployStep record(Enum<?> step, String resourceId, String marker) {
            return record(step.name(), resourceId, marker);
        }

        /** Records a step by its name (see {@link #record(Enum, String, String)}); blocks the calling thread. */
        public DeployStep record(String step, String resourceId, String marker) {
            return await(recordAsync(step, resourceId, marker));
        }

        /** Records a step on the journal's executor (see {@link #record(Enum, String, String)} and {@link #lastAsync()}). */
        public CompletableFuture<DeployStep> recordAsync(Enum<?> step, String resourceId, String marker) {
            return recordAsync(step.name(), resourceId, marker);
        }

        /** Records a step by its name on the journal's executor. */
        public CompletableFuture<DeployStep> recordAsync(String step, String resourceId, String marker) {
            DeployStep recorded = new DeployStep(step, resourceId, marker, clock.instant());
            Consumer<String> listener = stepListener;
            if (listener != null) {
                listener.accept(step);
            }
            if (repository == null) {
                return CompletableFuture.completedFuture(recorded);
            }
            ObjectNode json = ApiJson.MAPPER.createObjectNode()
                    .put("deploy", deployKey).put("operation", operation).put("scope", scope)
                    .put("step", step).put("id", resourceId).put("marker", marker).put("at", recorded.at().toString());
            return call("record the progress of " + this, storeKey, () -> {
                repository.setState(storeKey, json.toString());
                return recorded;
            });
        }

        /**
         * Marks the deploy as over for good, once its file has been moved out of the inbox: {@link #last()} then reads
         * nothing, so the same file dropped again is a new deploy. The recorded step stays, with {@code "settled":true},
         * for whoever reads the store; the next {@link #record} replaces it. Nothing happens when nothing was recorded.
         * Runs on the journal's executor, as every call of the repository does.
         */
        public CompletableFuture<Void> settle() {
            if (repository == null) {
                return CompletableFuture.completedFuture(null);
            }
            return call("settle " + this, storeKey, () -> {
                String value = repository.getState(storeKey);
                if (ObjectHelper.isNotEmpty(value)
                    && ApiJson.tree(value.getBytes(StandardCharsets.UTF_8)) instanceof ObjectNode recorded
                    && !recorded.path(SETTLED).asBoolean(false)) {
                    repository.setState(storeKey, recorded.put(SETTLED, true).toString());
                }
                return null;
            });
        }

        @Override
        public String toString() {
            return operation + " of " + deployKey;
        }
    }

    /**
     * Runs one call of the repository on the executor, failing after the timeout. A call still queued when its time
     * is up is not made at all: its deploy has failed already, and a late write would only confuse the next attempt.
     * The calls of one entry run in the order they were asked, whatever the executor's threads: a read asked after a
     * settle (the same file dropped again just after its move) sees the deploy settled.
     */
    private <T> CompletableFuture<T> call(String doing, String storeKey, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?> previous = lastCalls.put(storeKey, result);
        Runnable submit = () -> submit(doing, work, result);
        if (previous == null) {
            submit.run();
        } else {
            previous.whenComplete((done, failure) -> submit.run());
        }
        result.whenComplete((done, failure) -> lastCalls.remove(storeKey, result));
        if (timeout == null) {
            return result;
        }
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(failure -> {
            Throwable cause = Failures.unwrap(failure);
            return CompletableFuture.failedFuture(cause instanceof TimeoutException ? new JournalUnavailableException(
                    "Cannot " + doing + ": the state repository did not answer within " + timeout.toMillis()
                    + " ms (stateRepositoryTimeout); is its database reachable?", cause) : cause);
        });
    }

    private <T> void submit(String doing, Supplier<T> work, CompletableFuture<T> result) {
        try {
            executor.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(new JournalUnavailableException("Cannot " + doing
                            + ": the state repository failed: " + Failures.message(e), e));
                }
            });
        } catch (RejectedExecutionException stopped) {
            result.completeExceptionally(new JournalUnavailableException("Cannot " + doing
                    + ": the state repository's executor has stopped", stopped));
        }
    }

    /** The future's value, or its failure as thrown, for the blocking calls. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (RuntimeException e) {
            throw Failures.typed(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a standard algorithm of every JVM", e);
        }
    }
}
