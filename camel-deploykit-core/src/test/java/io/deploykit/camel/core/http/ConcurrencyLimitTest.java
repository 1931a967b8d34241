package io.deploykit.camel.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    @Test
    void atMostMaxGoAtOnceAndEachReleaseLetsTheNextGoInOrder() {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        List<CompletableFuture<Void>> turns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            turns.add(limit.acquire());
        }
        assertTrue(turns.get(0).isDone() && turns.get(1).isDone());
        assertFalse(turns.get(2).isDone() || turns.get(3).isDone() || turns.get(4).isDone());
        assertEquals(3, turns.stream().filter(turn -> !turn.isDone()).count());

        limit.release();
        assertTrue(turns.get(2).isDone(), "the first in line goes");
        assertFalse(turns.get(3).isDone());
        limit.release();
        limit.release();
        assertTrue(turns.get(3).isDone() && turns.get(4).isDone());
        assertEquals(0, turns.stream().filter(turn -> !turn.isDone()).count());

        limit.release();
        limit.release();
        assertTrue(limit.acquire().isDone() && limit.acquire().isDone(), "both places free again");
        assertFalse(limit.acquire().isDone(), "and no more");
    }

    @Test
    void noLimitLetsEveryoneGo() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(ConcurrencyLimit.NONE.acquire().isDone());
        }
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimit(-1));
    }
}
