package io.deploykit.camel.core.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.util.ObjectHelper;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.json.ApiJson;

/**
 * Where deploys record their progress, step by step, in a Camel {@link StateRepository} shared by every instance
 * that may process the same message: a deploy that was interrupted (a crash, a stop, another instance taking the
 * file over) continues from its last step instead of starting again, and one that completed is not sent again.
 * <p>
 * A deploy is known by its key (which file, as what content) within a scope (which component, service and target)
 * and an operation. The repository's key is a SHA-256 of the three, so that any repository accepts it; the value is
 * one line of JSON that also names the deploy in words, for whoever reads the store.
 */
public final class DeployJournal {

    /** A journal that keeps nothing: every deploy starts from the beginning. */
    public static final DeployJournal NONE = new DeployJournal(null, "", Clock.systemUTC());

    /** The field of a stored step that marks its deploy as over for good (see {@link Entry#settle()}). */
    static final String SETTLED = "settled";

    private final StateRepository<String, String> repository;
    private final String scope;
    private final Clock clock;

    /**
     * @param scope names what the deploys target, such as {@code bc:tenant/environment/company}: the same file deployed
     *              to two targets is two deploys
     */
    public DeployJournal(StateRepository<String, String> repository, String scope, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.clock = clock;
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

        /** The last step recorded, if any; none once the deploy was {@link #settle() settled}. */
        public Optional<DeployStep> last() {
            if (repository == null) {
                return Optional.empty();
            }
            String value;
            try {
                value = repository.getState(storeKey);
            } catch (RuntimeException e) {
                throw new DeployKitException("Cannot read the progress of " + this + " from the state repository: "
                                             + e.getMessage(), e);
            }
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

        /** Records a step by its name (see {@link #record(Enum, String, String)}). */
        public DeployStep record(String step, String resourceId, String marker) {
            DeployStep recorded = new DeployStep(step, resourceId, marker, clock.instant());
            Consumer<String> listener = stepListener;
            if (listener != null) {
                listener.accept(step);
            }
            if (repository == null) {
                return recorded;
            }
            ObjectNode json = ApiJson.MAPPER.createObjectNode()
                    .put("deploy", deployKey).put("operation", operation).put("scope", scope)
                    .put("step", step).put("id", resourceId).put("marker", marker).put("at", recorded.at().toString());
            try {
                repository.setState(storeKey, json.toString());
            } catch (RuntimeException e) {
                throw new DeployKitException("Cannot record the progress of " + this + " in the state repository: "
                                             + e.getMessage(), e);
            }
            return recorded;
        }

        /**
         * Marks the deploy as over for good, once its file has been moved out of the inbox: {@link #last()} then reads
         * nothing, so the same file dropped again is a new deploy. The recorded step stays, with {@code "settled":true},
         * for whoever reads the store; the next {@link #record} replaces it. Nothing happens when nothing was recorded.
         */
        public void settle() {
            if (repository == null) {
                return;
            }
            try {
                String value = repository.getState(storeKey);
                if (ObjectHelper.isEmpty(value)) {
                    return;
                }
                JsonNode json = ApiJson.tree(value.getBytes(StandardCharsets.UTF_8));
                if (json instanceof ObjectNode recorded && !recorded.path(SETTLED).asBoolean(false)) {
                    repository.setState(storeKey, recorded.put(SETTLED, true).toString());
                }
            } catch (RuntimeException e) {
                throw new DeployKitException("Cannot settle " + this + " in the state repository: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return operation + " of " + deployKey;
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
