package io.deploykit.camel.release;

import java.util.List;

import io.deploykit.camel.core.error.InvalidInputException;

/**
 * A release that cannot run as it is: every problem found, each naming where it is (the manifest's field, the
 * step, the file), so that one fix-and-drop round is enough. Raised before any request.
 */
public class InvalidReleaseException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidReleaseException(String release, List<String> problems) {
        super("Release " + release + " is not valid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
              + "; nothing was deployed):\n- " + String.join("\n- ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, in the order found: the manifest first, then each step's files, then the targets. */
    public List<String> getProblems() {
        return problems;
    }
}
