package io.deploykit.camel.release;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.DefaultAsyncProducer;

import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.support.Failures;
import io.deploykit.camel.release.run.ReleaseReport;
import io.deploykit.camel.release.run.ReleaseRunner;
import io.deploykit.camel.release.run.UnitResult;

/**
 * Takes the release the body names (a folder or a zip: a File, a Path, a file consumer's file or a path as text),
 * validates it as a whole, and for {@code deploy} runs it; the exchange completes when the release has, without a
 * thread waiting for it.
 */
final class ReleaseProducer extends DefaultAsyncProducer {

    private ReleaseRunner runner;

    ReleaseProducer(ReleaseEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public ReleaseEndpoint getEndpoint() {
        return (ReleaseEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        runner = new ReleaseRunner(getEndpoint().getCamelContext(), getEndpoint().getJournal(),
                getEndpoint().getApprovals(), getEndpoint().getConfiguration().isRedo(), Clock.systemUTC(),
                ((ReleaseComponent) getEndpoint().getComponent()).board());
    }

    @Override
    protected void doStop() throws Exception {
        if (runner != null) {
            runner.close();
            runner = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (getEndpoint().getOperation() == ReleaseOperation.approve) {
            return approve(exchange, callback);
        }
        ReleaseBundle bundle;
        ValidRelease release;
        try {
            bundle = ReleaseBundle.open(bundlePath(exchange));
            try {
                release = ReleaseValidator.validate(bundle);
            } catch (RuntimeException e) {
                bundle.close();
                throw e;
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
            exchange.setException(Failures.typed(e)); // no Error leaves a producer
            callback.done(true);
            return true;
        }
        Message message = exchange.getMessage();
        message.setHeader(ReleaseConstants.RELEASE_ID, release.manifest().id());
        if (getEndpoint().getOperation() == ReleaseOperation.validate) {
            bundle.close();
            message.setBody(release.manifest());
            callback.done(true);
            return true;
        }
        runner.run(release).whenComplete((report, failure) -> {
            bundle.close();
            if (failure != null) {
                exchange.setException(Failures.typed(failure));
            } else {
                result(message, report);
                if (!report.succeeded()) {
                    exchange.setException(new ReleaseFailedException(report));
                }
            }
            callback.done(false);
        });
        return false;
    }

    private boolean approve(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        String release = message.getHeader(ReleaseConstants.RELEASE_ID, String.class);
        String wave = message.getHeader(ReleaseConstants.WAVE, String.class);
        if (release == null || release.isBlank() || wave == null || wave.isBlank()) {
            exchange.setException(new InvalidInputException("release:approve needs headers " + ReleaseConstants.RELEASE_ID
                                                            + " and " + ReleaseConstants.WAVE + ": which wave of which"
                                                            + " release to approve"));
            callback.done(true);
            return true;
        }
        String by = message.getHeader(ReleaseConstants.APPROVED_BY, "camel", String.class);
        getEndpoint().getApprovals().approve(release.trim(), wave.trim(), by).whenComplete((done, failure) -> {
            if (failure != null) {
                exchange.setException(Failures.typed(failure));
            }
            callback.done(false);
        });
        return false;
    }

    private static void result(Message message, ReleaseReport report) {
        message.setBody(report);
        message.setHeader(ReleaseConstants.SUCCEEDED, report.succeeded());
        message.setHeader(ReleaseConstants.STEPS_DONE, report.count(UnitResult.Outcome.DONE));
        message.setHeader(ReleaseConstants.STEPS_SKIPPED, report.count(UnitResult.Outcome.SKIPPED));
        message.setHeader(ReleaseConstants.STEPS_FAILED, report.count(UnitResult.Outcome.FAILED));
        message.setHeader(ReleaseConstants.STEPS_NOT_RUN, report.count(UnitResult.Outcome.NOT_RUN));
        message.setHeader(ReleaseConstants.REPORT_MARKDOWN, report.toMarkdown());
        message.setHeader(ReleaseConstants.REPORT_JSON, report.toJson());
    }

    private static Path bundlePath(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        Object inner = body instanceof WrappedFile<?> wrapped ? wrapped.getFile() : body;
        if (inner instanceof File file) {
            return file.toPath();
        }
        if (inner instanceof Path path) {
            return path;
        }
        if (inner instanceof String text && !text.isBlank()) {
            return Path.of(text.trim());
        }
        throw new InvalidInputException("The body must name a release (a folder or a zip holding release.yaml) as a"
                                        + " File, a Path or a path, not " + (body == null ? "null"
                                                                             : body.getClass().getName()));
    }
}
