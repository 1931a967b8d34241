package io.deploykit.camel.reactor;

import org.apache.camel.spi.annotations.DevConsole;

import io.deploykit.camel.core.console.DeployKitDevConsole;

/**
 * The {@code reactor} dev console: uploads in flight and the last ones, waits for processing by organisation, the
 * token cache, retries by status (see {@link DeployKitDevConsole}).
 */
@DevConsole(group = "camel", name = "reactor", displayName = "Adobe Tags (Reactor)", description = "Uploads, processing waits, tokens and retries of the reactor component")
public class ReactorDevConsole extends DeployKitDevConsole {

    public ReactorDevConsole() {
        super("reactor", "Adobe Tags (Reactor)", "Uploads, processing waits, tokens and retries of the reactor component",
                ReactorComponent.class);
    }
}
