package io.deploykit.camel.core.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.core.error.InvalidInputException;
import io.deploykit.camel.core.error.OperationInterruptedException;

class FailuresTest {

    @Test
    void aDeployKitFailureIsReportedAsItIsOnceUnwrapped() {
        OperationInterruptedException interrupted = new OperationInterruptedException("the deploy of P");
        assertSame(interrupted, Failures.typed(new CompletionException(new ExecutionException(interrupted))));
    }

    @Test
    void anythingElseBecomesADeployKitFailureThatKeepsItsCause() {
        IllegalStateException bug = new IllegalStateException("no scheduler");
        DeployKitException typed = Failures.typed(new CompletionException(bug));
        assertEquals(DeployKitException.class, typed.getClass());
        assertSame(bug, typed.getCause());
        assertTrue(typed.getMessage().contains("IllegalStateException: no scheduler"), typed.getMessage());

        IOException io = new IOException("disk gone");
        DeployKitException unchecked = Failures.typed(new UncheckedIOException("cannot read", io));
        assertSame(io, unchecked.getCause());

        assertInstanceOf(DeployKitException.class, Failures.typed(new OutOfMemoryError("Java heap space")));
    }

    @Test
    void anImpossibleRequestIsInvalidInput() {
        IllegalArgumentException invalid = new IllegalArgumentException("No enum constant itemz");
        InvalidInputException typed = assertInstanceOf(InvalidInputException.class, Failures.typed(invalid));
        assertSame(invalid, typed.getCause());
        assertEquals("No enum constant itemz", typed.getMessage());
    }
}
