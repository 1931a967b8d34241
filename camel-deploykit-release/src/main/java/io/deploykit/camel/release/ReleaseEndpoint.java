package io.deploykit.camel.release;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

import io.deploykit.camel.core.journal.DeployJournal;

/**
 * Deploy a release (an app, its configuration packages, pictures and a Tags extension) in order to many companies
 * and environments in waves, each step once per target, through the bc and reactor components.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "release", title = "DeployKit Release", syntax = "release:operation",
             producerOnly = true, category = { Category.CLOUD, Category.WORKFLOW }, headersClass = ReleaseConstants.class)
public class ReleaseEndpoint extends DefaultEndpoint implements AsyncEndpoint {

    @UriPath(description = "deploy (validate the release as a whole, then run it; the body becomes its report) or"
                           + " validate (validate only; the body becomes its manifest)")
    @Metadata(required = true)
    private ReleaseOperation operation;
    @UriParam
    private ReleaseConfiguration configuration;

    private ExecutorService journalCalls;
    private DeployJournal journal = DeployJournal.NONE;

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
        if (configuration.getStateRepository() != null) {
            ServiceHelper.startService(configuration.getStateRepository());
            // the repository blocks (JDBC, files): never on the threads that complete the deploys' calls
            journalCalls = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "ReleaseJournal", 2);
            journal = new DeployJournal(configuration.getStateRepository(), "release", Clock.systemUTC(), journalCalls,
                    Duration.ofMillis(configuration.getStateRepositoryTimeout()));
        }
    }

    @Override
    protected void doStop() throws Exception {
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
