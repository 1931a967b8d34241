package io.deploykit.camel.release;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.DefaultComponent;

import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.release.run.Approvals;
import io.deploykit.camel.release.run.ReleaseBoard;

/** The {@code release:} component: releases deployed in order, in waves, through the bc: and reactor: components. */
@Component("release")
public class ReleaseComponent extends DefaultComponent {

    @Metadata(description = "Options shared by all release endpoints; each endpoint starts from a copy")
    private ReleaseConfiguration configuration = new ReleaseConfiguration();
    /** Approvals without a stateRepository: shared by this component's endpoints, lost with the application. */
    private final MemoryStateRepository localApprovals = new MemoryStateRepository();
    private final ReleaseBoard board = new ReleaseBoard();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ReleaseOperation operation;
        try {
            operation = ReleaseOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("release:" + remaining + " names no operation; use one of "
                                               + Arrays.toString(ReleaseOperation.values()) + ", as release:deploy");
        }
        ReleaseEndpoint endpoint = new ReleaseEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The releases of this instance as they run, for pages (see {@link ReleaseBoard}). */
    public ReleaseBoard board() {
        return board;
    }

    StateRepository<String, String> localApprovals() {
        return localApprovals;
    }

    /**
     * Approves a gated wave, as {@code release:approve} does: for pages and APIs that decide outside a route. Kept in
     * the component's {@code stateRepository} (an endpoint given a repository of its own waits on that one instead).
     */
    public CompletableFuture<Void> approve(String releaseId, String wave, String approvedBy) {
        return decisions().approve(releaseId, wave, approvedBy);
    }

    /** Rejects a gated wave: its wait fails with {@link Approvals.ApprovalRejectedException}, the waves after it do not run. */
    public CompletableFuture<Void> reject(String releaseId, String wave, String rejectedBy) {
        return decisions().reject(releaseId, wave, rejectedBy);
    }

    /** The gates' records where the endpoints read them; decisions only, so no scheduler for waits. */
    private Approvals decisions() {
        StateRepository<String, String> states = configuration.getStateRepository();
        return new Approvals(new DeployJournal(states != null ? states : localApprovals, "release", Clock.systemUTC()),
                null, Duration.ZERO, Clock.systemUTC());
    }

    public ReleaseConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ReleaseConfiguration configuration) {
        this.configuration = configuration;
    }
}
