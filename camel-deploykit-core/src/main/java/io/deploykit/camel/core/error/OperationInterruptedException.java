package io.deploykit.camel.core.error;

/**
 * The component stopped (a graceful shutdown, a route stopped) before the operation finished. Nothing failed: what
 * was sent goes on on the server, and a deploy with a state repository continues from the step it reached when the
 * exchange is processed again. A file route should leave the file where it is rather than move it aside.
 */
public class OperationInterruptedException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    public OperationInterruptedException(String what) {
        super("Stopped before " + what + " finished; what was already sent goes on on the server, and processing the"
              + " message again continues from there");
    }
}
