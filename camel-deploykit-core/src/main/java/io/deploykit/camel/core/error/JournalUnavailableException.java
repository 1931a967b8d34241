package io.deploykit.camel.core.error;

/**
 * The state repository that keeps the deploys' progress (a database, a directory) failed or did not answer in time:
 * nothing is wrong with the message or the service. Processing the message again once the repository answers
 * continues the deploy from the step it reached; a file route should leave the file where it is rather than move it
 * aside.
 */
public class JournalUnavailableException extends DeployKitException {

    private static final long serialVersionUID = 1L;

    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
