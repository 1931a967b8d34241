package io.deploykit.examples.filedrop;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.deploykit.camel.core.error.DeployKitException;

/**
 * Checks at start that each service is either configured or emulated on request. Nothing configured and nothing
 * asked for is what a production configuration that was not loaded looks like: the start fails, naming both ways out,
 * before any file is taken.
 */
@Component
class ServiceTargets {

    ServiceTargets(Environment env) {
        List<String> missing = new ArrayList<>();
        if (!EmulatedService.isEmulated(env, "bc") && EmulatedService.configuredOptions(env, "bc").isEmpty()) {
            missing.add("Business Central is not configured: set camel.component.bc.tenant-id, environment,"
                        + " company-name (or company-id), client-id and client-secret (e.g. as environment variables"
                        + " CAMEL_COMPONENT_BC_CLIENTSECRET ...)");
        }
        if (!EmulatedService.isEmulated(env, "reactor") && EmulatedService.configuredOptions(env, "reactor").isEmpty()) {
            missing.add("Adobe Tags is not configured: set camel.component.reactor.client-id, client-secret and"
                        + " ims-org-id (e.g. as environment variables CAMEL_COMPONENT_REACTOR_CLIENTSECRET ...)");
        }
        if (!missing.isEmpty()) {
            throw new DeployKitException(String.join("; ", missing) + ". Was the configuration loaded (the profile"
                    + " name, the file, the mounted secrets)? To try the example without the services, ask for"
                    + " in-process emulators: " + EmulatedService.SWITCH + "=on (or bc, or reactor, for one of them)");
        }
    }
}
