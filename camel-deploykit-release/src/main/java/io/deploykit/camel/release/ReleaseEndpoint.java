package io.deploykit.camel.release;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

import io.deploykit.camel.core.journal.DeployJournal;
import io.deploykit.camel.release.run.Approvals;

/**
 * Deploy a release (an app, its configuration packages, pictures and a Tags extension) in order to many companies
 * and environments in waves, each step once per target, through the bc and reactor components.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "release", title = "DeployKit Release", syntax = "release:operation",
             producerOnly = true, category = { Category.CLOUD, Category.WORKFLOW }, headersClass = ReleaseConstants.class)
public class ReleaseEndpoint extends DefaultEndpoint implements AsyncEndpoint {

    @UriPath(description = "deploy (validate the release as a whole, then run it; the body becomes its report),"
                           + " validate (validate only; the body becomes its manifest) or approve (approve a gated"
                           + " wave: headers CamelReleaseId and CamelReleaseWave)")
    @Metadata(required = true)
    private ReleaseOperation operation;
    @UriParam
    private ReleaseConfiguration configuration;

    private ExecutorService journalCalls;
    private ScheduledExecutorService gates;
    private DeployJournal journal = DeployJournal.NONE;
    private Approvals approvals;

    public ReleaseEndpoint(String uri, ReleaseComponent component, ReleaseOperation operation,
                           ReleaseConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new ReleaseProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The release component only sends: use it in to(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        StateRepository<String, String> states = configuration.getStateRepository();
        StateRepository<String, String> approvalStates = states != null ? states
                : ((ReleaseComponent) getComponent()).localApprovals();
        ServiceHelper.startService(approvalStates);
        // the repository blocks (JDBC, files): never on the threads that complete the deploys' calls
        journalCalls = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "ReleaseJournal", 2);
        Duration timeout = Duration.ofMillis(configuration.getStateRepositoryTimeout());
        if (states != null) {
            journal = new DeployJournal(states, "release", Clock.systemUTC(), journalCalls, timeout);
        }
        gates = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "ReleaseGates");
        approvals = new Approvals(new DeployJournal(approvalStates, "release", Clock.systemUTC(), journalCalls, timeout),
                gates, Duration.ofMillis(configuration.getApprovalPollInterval()), Clock.systemUTC());
    }

    @Override
    protected void doStop() throws Exception {
        if (gates != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(gates);
            gates = null;
        }
        if (journalCalls != null) {
            getCamelContext().getExecutorServiceManager().shutdown(journalCalls);
            journalCalls = null;
        }
        journal = DeployJournal.NONE;
        super.doStop();
    }

    DeployJournal getJournal() {
        return journal;
    }

    Approvals getApprovals() {
        return approvals;
    }

    public ReleaseOperation getOperation() {
        return operation;
    }

    public void setOperation(ReleaseOperation operation) {
        this.operation = operation;
    }

    public ReleaseConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ReleaseConfiguration configuration) {
        this.configuration = configuration;
    }
}
