package io.deploykit.camel.core.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.deploykit.camel.core.error.NotFoundException;
import io.deploykit.camel.core.error.OperationInterruptedException;

class JobPollerTest {

    /** A job whose status is a string: "done" finishes it, "failed" fails it. */
    private static final PolledJob<String> STATUS = new PolledJob<>() {
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
    private final JobPoller poller = new JobPoller(scheduler, Clock.systemUTC(), null);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void pollsUntilTheJobIsFinished() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<String> outcome = poller.await("test job",
                deadline -> CompletableFuture.completedFuture(polls.incrementAndGet() < 4 ? "running" : "done"), STATUS,
                Duration.ofMillis(10), Duration.ofSeconds(10), LoggerFactory.getLogger(getClass()));
        assertEquals("done", outcome.get(5, TimeUnit.SECONDS));
        assertEquals(4, polls.get(), "one poll per interval until finished, none after");
        assertEquals(0, poller.waits().size());
    }

    @Test
    void failsWithTheJobsOwnFailure() {
        CompletableFuture<String> outcome = poller.await("test job", deadline -> CompletableFuture.completedFuture("failed"),
                STATUS, Duration.ofMillis(10), Duration.ofSeconds(10), LoggerFactory.getLogger(getClass()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        assertEquals("the job failed", e.getCause().getMessage());
    }

    @Test
    void timesOutNamingTheLastStatus() {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<String> outcome = poller.await("import of package P",
                deadline -> CompletableFuture.completedFuture(polls.incrementAndGet() == 1 ? "Scheduled" : "InProgress"), STATUS,
                Duration.ofMillis(20), Duration.ofMillis(200), LoggerFactory.getLogger(getClass()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        JobTimeoutException timeout = assertInstanceOf(JobTimeoutException.class, e.getCause());
        assertEquals("status=InProgress", timeout.getLastStatus());
        assertTrue(timeout.getMessage().contains("import of package P"), timeout.getMessage());
        assertTrue(polls.get() <= 200 / 20 + 2, "at most timeout/interval + 2 polls, was " + polls.get());
    }

    @Test
    void failedPollsArePolledThroughUntilTheJobFinishes() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<String> outcome = poller.await("test job", deadline -> polls.incrementAndGet() <= 5
                        ? CompletableFuture.failedFuture(new DeployKitException("GET answered HTTP 500"))
                        : CompletableFuture.completedFuture("done"),
                STATUS, Duration.ofMillis(10), Duration.ofSeconds(10), LoggerFactory.getLogger(getClass()));
        assertEquals("done", outcome.get(5, TimeUnit.SECONDS));
        assertEquals(6, polls.get(), "five failed polls, then the one that saw the job done");
    }

    @Test
    void aResourceMissingOnceIsPolledThroughButMissingThreeTimesInARowEndsTheWait() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<String> blip = poller.await("test job", deadline -> polls.incrementAndGet() == 2
                        ? CompletableFuture.failedFuture(new NotFoundException("no package P"))
                        : CompletableFuture.completedFuture(polls.get() < 4 ? "running" : "done"),
                STATUS, Duration.ofMillis(10), Duration.ofSeconds(10), LoggerFactory.getLogger(getClass()));
        assertEquals("done", blip.get(5, TimeUnit.SECONDS));

        NotFoundException gone = new NotFoundException("no package P");
        CompletableFuture<String> deleted = poller.await("test job", deadline -> CompletableFuture.failedFuture(gone),
                STATUS, Duration.ofMillis(10), Duration.ofSeconds(10), LoggerFactory.getLogger(getClass()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> deleted.get(5, TimeUnit.SECONDS));
        assertEquals(gone, e.getCause());
    }

    @Test
    void aWaitWhosePollsKeepFailingTimesOutNamingTheLastFailure() {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<String> outcome = poller.await("import of package P", deadline -> polls.incrementAndGet() == 1
                        ? CompletableFuture.completedFuture("InProgress")
                        : CompletableFuture.failedFuture(new DeployKitException("GET answered HTTP 503")),
                STATUS, Duration.ofMillis(20), Duration.ofMillis(200), LoggerFactory.getLogger(getClass()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        JobTimeoutException timeout = assertInstanceOf(JobTimeoutException.class, e.getCause());
        assertEquals("status=InProgress", timeout.getLastStatus());
        assertTrue(timeout.getMessage().contains("HTTP 503"), timeout.getMessage());
    }

    @Test
    void eachPollIsGivenTheDeadlineItsRetriesMustNotOutlast() throws Exception {
        java.util.List<java.time.Instant> deadlines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.time.Instant before = java.time.Instant.now();
        CompletableFuture<String> outcome = poller.await("test job", deadline -> {
            deadlines.add(deadline);
            return CompletableFuture.completedFuture(deadlines.size() < 3 ? "running" : "done");
        }, STATUS, Duration.ofMillis(10), Duration.ofSeconds(30), LoggerFactory.getLogger(getClass()));
        outcome.get(5, TimeUnit.SECONDS);
        assertEquals(1, deadlines.stream().distinct().count(), "one deadline for the whole wait");
        Duration given = Duration.between(before, deadlines.get(0));
        assertTrue(given.compareTo(Duration.ofSeconds(29)) > 0 && given.compareTo(Duration.ofSeconds(31)) < 0, given.toString());
    }

    @Test
    void stoppingEndsTheWaitsUnderWay() {
        CompletableFuture<String> outcome = poller.await("import of package P", deadline -> CompletableFuture.completedFuture("running"),
                STATUS, Duration.ofMillis(10), Duration.ofMinutes(1), LoggerFactory.getLogger(getClass()));
        assertEquals(1, poller.waits().size());
        poller.stop();
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        OperationInterruptedException interrupted = assertInstanceOf(OperationInterruptedException.class, e.getCause());
        assertTrue(interrupted.getMessage().contains("import of package P"), interrupted.getMessage());
        assertEquals(0, poller.waits().size());
    }
}
