package io.deploykit.camel.core.observe;

import java.time.Duration;
import java.time.Instant;

/**
 * A deploy as it ended, for consoles.
 *
 * @param what      what was deployed, such as the file's name
 * @param operation the resource and operation, such as {@code configurationPackage.deploy}
 * @param endpoint  the endpoint's URI without its options
 * @param lastStep  the last step it reached (see the journal's steps), or null
 * @param error     the failure's message (never holds a secret), or null
 */
public record CompletedDeploy(String what, String operation, String endpoint, Outcome outcome, Instant startedAt,
                              Duration duration, String lastStep, String error) {
}
