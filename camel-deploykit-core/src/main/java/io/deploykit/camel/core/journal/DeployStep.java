package io.deploykit.camel.core.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * The last step a deploy recorded: what it was about to do or had done, the server resource it works on, and what
 * that resource looked like before the step (so that a step whose answer was lost can be recognised as done).
 *
 * @param step       the step's name, such as {@code importing}; each operation has its own
 * @param resourceId the id of the server resource, or null before there is one
 * @param marker     what the resource looked like before the step (such as its {@code updated_at}), or null
 * @param at         when the step was recorded
 */
public record DeployStep(String step, String resourceId, String marker, Instant at) {

    /** Whether this is the step named by {@code kind}, a constant of an operation's step enum. */
    public boolean is(Enum<?> kind) {
        return kind.name().equals(step);
    }

    /**
     * The step as a constant of {@code kinds}, the operation's step enum, whose constant names are the recorded names;
     * empty for a name it does not have (recorded by another version).
     */
    public <E extends Enum<E>> Optional<E> as(Class<E> kinds) {
        for (E kind : kinds.getEnumConstants()) {
            if (is(kind)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
