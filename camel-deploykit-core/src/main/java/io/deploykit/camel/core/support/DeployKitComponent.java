package io.deploykit.camel.core.support;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.support.DefaultComponent;

import io.deploykit.camel.core.auth.TokenCache;
import io.deploykit.camel.core.poll.JobPoller;

/**
 * What the endpoints of one component share: the token cache, the scheduler that drives retries and job polls,
 * and the small pool that continues exchanges off the HTTP I/O threads. Made in {@link #doStart()}, released in
 * {@link #doStop()}.
 */
public abstract class DeployKitComponent extends DefaultComponent {

    private ScheduledExecutorService scheduler;
    private ExecutorService continuations;
    private TokenCache tokenCache;
    private JobPoller jobPoller;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String name = getClass().getSimpleName().replace("Component", "");
        var executors = getCamelContext().getExecutorServiceManager();
        scheduler = executors.newScheduledThreadPool(this, name + "Scheduler", 1);
        continuations = executors.newDefaultThreadPool(this, name + "Continuation");
        tokenCache = new TokenCache(scheduler, Clock.systemUTC());
        jobPoller = new JobPoller(scheduler, Clock.systemUTC());
    }

    @Override
    protected void doStop() throws Exception {
        if (jobPoller != null) {
            jobPoller.interruptAll();
        }
        var executors = getCamelContext().getExecutorServiceManager();
        if (scheduler != null) {
            executors.shutdownNow(scheduler);
            scheduler = null;
        }
        if (continuations != null) {
            executors.shutdown(continuations);
            continuations = null;
        }
        if (tokenCache != null) {
            tokenCache.clear();
        }
        super.doStop();
    }

    public ScheduledExecutorService getScheduler() {
        return scheduler;
    }

    public ExecutorService getContinuations() {
        return continuations;
    }

    public TokenCache getTokenCache() {
        return tokenCache;
    }

    public JobPoller getJobPoller() {
        return jobPoller;
    }
}
