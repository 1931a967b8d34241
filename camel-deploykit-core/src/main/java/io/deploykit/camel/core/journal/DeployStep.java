package io.deploykit.camel.core.journal;

import java.time.Instant;

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
}
