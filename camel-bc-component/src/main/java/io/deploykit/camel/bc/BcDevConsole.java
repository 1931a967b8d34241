package io.deploykit.camel.bc;

import org.apache.camel.spi.annotations.DevConsole;

import io.deploykit.camel.core.console.DeployKitDevConsole;

/**
 * The {@code bc} dev console: deploys in flight and the last ones, waits for imports and applies by company, the
 * token cache, retries by status (see {@link DeployKitDevConsole}).
 */
@DevConsole(group = "camel", name = "bc", displayName = "Business Central", description = "Deploys, job waits, tokens and retries of the bc component")
public class BcDevConsole extends DeployKitDevConsole {

    public BcDevConsole() {
        super("bc", "Business Central", "Deploys, job waits, tokens and retries of the bc component", BcComponent.class);
    }
}
