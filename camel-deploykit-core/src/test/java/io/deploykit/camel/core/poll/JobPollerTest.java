package io.deploykit.camel.core.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.JobTimeoutException;

class JobPollerTest {

    /** A job whose status is a string: "done" finishes it, "failed" fails it. */
    private static final JobStatus<String> STATUS = new JobStatus<>() {
        @Override
        public String describe(String resource) {
            return "status=" + resource;
        }

        @Override
        public boolean isFinished(String resource) {
            return resource.equals("done") || resource.equals("failed");
        }

        @Override
        public RuntimeException failure(String resource) {
            return resource.equals("failed") ? new IllegalStateException("the job failed") : null;
        }
    };

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final JobPoller poller = new JobPoller(scheduler, Clock.systemUTC());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void pollsUntilTheJobIsFinished() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<String> outcome = poller.await("test job",
                () -> CompletableFuture.completedFuture(polls.incrementAndGet() < 4 ? "running" : "done"), STATUS,
                Duration.ofMillis(10), Duration.ofSeconds(10), LoggerFactory.getLogger(getClass()));
        assertEquals("done", outcome.get(5, TimeUnit.SECONDS));
        assertEquals(4, polls.get(), "one poll per interval until finished, none after");
        assertEquals(0, poller.waitingCount());
    }

    @Test
    void failsWithTheJobsOwnFailure() {
        CompletableFuture<String> outcome = poller.await("test job", () -> CompletableFuture.completedFuture("failed"),
                STATUS, Duration.ofMillis(10), Duration.ofSeconds(10), LoggerFactory.getLogger(getClass()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        assertEquals("the job failed", e.getCause().getMessage());
    }

    @Test
    void timesOutNamingTheLastStatus() {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<String> outcome = poller.await("import of package P",
                () -> CompletableFuture.completedFuture(polls.incrementAndGet() == 1 ? "Scheduled" : "InProgress"), STATUS,
                Duration.ofMillis(20), Duration.ofMillis(200), LoggerFactory.getLogger(getClass()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        JobTimeoutException timeout = assertInstanceOf(JobTimeoutException.class, e.getCause());
        assertEquals("status=InProgress", timeout.getLastStatus());
        assertTrue(timeout.getMessage().contains("import of package P"), timeout.getMessage());
        assertTrue(polls.get() <= 200 / 20 + 2, "at most timeout/interval + 2 polls, was " + polls.get());
    }

    @Test
    void aFailedPollFailsTheWait() {
        DeployKitException broken = new DeployKitException("GET failed");
        CompletableFuture<String> outcome = poller.await("test job", () -> CompletableFuture.failedFuture(broken), STATUS,
                Duration.ofMillis(10), Duration.ofSeconds(10), LoggerFactory.getLogger(getClass()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        assertSame(broken, e.getCause());
    }

    @Test
    void cancelAllFailsTheWaitsUnderWay() {
        CompletableFuture<String> outcome = poller.await("test job", () -> CompletableFuture.completedFuture("running"),
                STATUS, Duration.ofMillis(10), Duration.ofMinutes(1), LoggerFactory.getLogger(getClass()));
        assertEquals(1, poller.waitingCount());
        poller.cancelAll();
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        assertInstanceOf(DeployKitException.class, e.getCause());
    }
}
