package io.deploykit.examples.filedrop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.deploykit.emulator.bc.BcEmulator;
import io.deploykit.emulator.reactor.ReactorEmulator;

/**
 * The emulators start only when asked for, with a warning. A production instance whose configuration was not loaded
 * (a mistyped profile, a file or secret not mounted) fails to start, naming what to set, instead of "deploying" to an
 * in-process fake.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmulatorChoiceTest {

    @TempDir
    Path work;

    private ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--deploykit.example.inbox=" + work.resolve("inbox");
        all[1] = "--deploykit.example.demo-folder=" + work.resolve("demo");
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return new SpringApplicationBuilder(FileDropApplication.class).profiles("test").run(all);
    }

    @Test
    void withNothingConfiguredAndNoEmulatorAskedForTheStartFailsNamingWhatToSet() {
        Exception failure = assertThrows(Exception.class, () -> start("--spring.profiles.active=test,prodution").close());
        String messages = messages(failure);
        assertTrue(messages.contains("DeployKitException"), messages);
        assertTrue(messages.contains("camel.component.bc.tenant-id") && messages.contains("client-secret")
                   && messages.contains("camel.component.reactor.client-id"), "the real connections: " + messages);
        assertTrue(messages.contains("deploykit.example.emulators=on"), "the emulator switch: " + messages);
    }

    @Test
    void emulatorsAskedForAreStartedAndTheLogSaysSo(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start("--deploykit.example.emulators=on")) {
            assertTrue(app.getBeanProvider(BcEmulator.class).getIfAvailable() != null);
            assertTrue(app.getBeanProvider(ReactorEmulator.class).getIfAvailable() != null);
        }
        assertTrue(output.getOut().contains("Business Central is EMULATED"), "a warning says so");
        assertTrue(output.getOut().contains("Adobe Tags is EMULATED"), "a warning says so");
    }

    @Test
    void aConfigurationMissingItsSecretFailsTheStartInsteadOfFallingBackToTheEmulator() {
        Exception failure = assertThrows(Exception.class, () -> start("--deploykit.example.emulators=reactor",
                "--camel.component.bc.tenant-id=contoso.onmicrosoft.com",
                "--camel.component.bc.company-name=CRONUS USA, Inc.").close()); // the client id and secret were not mounted
        String messages = messages(failure);
        assertTrue(messages.contains("clientSecret"), messages);
    }

    @Test
    void oneServiceEmulatedOnRequestTheOtherReal(CapturedOutput output) {
        try (BcEmulator real = BcEmulator.builder().port(0)
                .client(EmbeddedEmulators.DEMO_CLIENT_ID, EmbeddedEmulators.DEMO_CLIENT_SECRET).start();
             ConfigurableApplicationContext app = start("--deploykit.example.emulators=reactor",
                     "--camel.component.bc.base-url=" + real.apiBaseUrl(),
                     "--camel.component.bc.token-url=" + real.tokenUrl(),
                     "--camel.component.bc.tenant-id=" + real.tenant(),
                     "--camel.component.bc.environment=" + real.environment(),
                     "--camel.component.bc.company-name=" + EmbeddedEmulators.DEMO_COMPANY,
                     "--camel.component.bc.client-id=" + EmbeddedEmulators.DEMO_CLIENT_ID,
                     "--camel.component.bc.client-secret=" + EmbeddedEmulators.DEMO_CLIENT_SECRET)) {
            assertTrue(app.getBeanProvider(BcEmulator.class).getIfAvailable() == null, "Business Central is not emulated");
            assertTrue(app.getBeanProvider(ReactorEmulator.class).getIfAvailable() != null, "Adobe Tags still is");
        }
        assertFalse(output.getOut().contains("Business Central is EMULATED"));
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
