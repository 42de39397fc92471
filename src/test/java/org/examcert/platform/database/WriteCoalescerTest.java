package org.examcert.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WriteCoalescerTest {

    /** Items are "key:n"; the result is the item back, upper-cased; every batch is recorded. */
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    private WriteCoalescer<String, String> coalescer(int writers, int maxBatch, CountDownLatch firstBatchMayGo) {
        AtomicBoolean first = new AtomicBoolean(true);
        return new WriteCoalescer<>(writers, maxBatch, item -> item.split(":")[0], batch -> {
            batches.add(batch.stream().map(WriteCoalescer.Item::value).toList());
            if (first.getAndSet(false)) {
                await(firstBatchMayGo);
            }
            batch.forEach(item -> item.complete(item.value().toUpperCase()));
        });
    }

    @Test
    void aLoneCallerWritesItsItemAtOnceInABatchOfItsOwn() {
        WriteCoalescer<String, String> coalescer = coalescer(4, 64, new CountDownLatch(0));
        assertEquals("A:1", write(coalescer, "a:1"));
        assertEquals("B:1", write(coalescer, "b:1"));
        assertEquals(List.of(List.of("a:1"), List.of("b:1")), batches);
    }

    /**
     * A coalescer (one writer) whose first batch, "first:0", is held until {@link #release}: what
     * callers write meanwhile queues behind it.
     */
    private final class HeldFirstBatch implements AutoCloseable {
        final CountDownLatch go = new CountDownLatch(1);
        final WriteCoalescer<String, String> coalescer;
        final ExecutorService callers = Executors.newCachedThreadPool();
        final Future<String> first;

        HeldFirstBatch(int maxBatch) throws InterruptedException {
            coalescer = coalescer(1, maxBatch, go);
            first = callers.submit(() -> write(coalescer, "first:0"));
            awaitBatches(1);
        }

        /** Writes {@code item} from a thread of its own and waits until it is queued (so items queue in call order). */
        Future<String> queue(String item) throws InterruptedException {
            int waiting = coalescer.waiting();
            Future<String> result = callers.submit(() -> write(coalescer, item));
            awaitWaiting(coalescer, waiting + 1);
            return result;
        }

        void release() throws Exception {
            go.countDown();
            assertEquals("FIRST:0", first.get());
        }

        @Override
        public void close() {
            callers.shutdownNow();
        }
    }

    /**
     * While the first batch is being written, {@code waiting} callers queue; then they go out in
     * batches of at most {@code maxBatch}, each item once, with its own result.
     */
    @ParameterizedTest(name = "{0} waiting, batches of at most {1} → {2} batches after the first")
    @CsvSource({"10, 64, 1", "10, 4, 3", "64, 64, 1", "65, 64, 2"})
    void callersQueuedBehindABatchAreWrittenTogether(int waiting, int maxBatch, int batchesAfter) throws Exception {
        try (HeldFirstBatch held = new HeldFirstBatch(maxBatch)) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                results.add(held.queue("k" + i + ":" + i));
            }
            held.release();
            for (int i = 0; i < waiting; i++) {
                assertEquals("K" + i + ":" + i, results.get(i).get());
            }
            assertEquals(1 + batchesAfter, batches.size());
            batches.forEach(batch -> assertTrue(batch.size() <= maxBatch, batch.toString()));
            assertEquals(1 + waiting, batches.stream().mapToInt(List::size).sum());
        }
    }

    @Test
    void twoItemsOfOneKeyNeverShareABatchAndKeepTheirOrder() throws Exception {
        try (HeldFirstBatch held = new HeldFirstBatch(64)) {
            List<Future<String>> results = new ArrayList<>();
            for (String item : List.of("a:1", "b:1", "a:2", "a:3", "c:1")) {
                results.add(held.queue(item));
            }
            held.release();
            for (Future<String> result : results) {
                result.get();
            }
            assertEquals(List.of(List.of("first:0"), List.of("a:1", "b:1", "c:1"), List.of("a:2"), List.of("a:3")), batches);
        }
    }

    /** Many callers at once, several writers: every caller gets its own result, no batch holds a key twice. */
    @ParameterizedTest(name = "{0} writers, batches of at most {1}")
    @CsvSource({"1, 64", "4, 64", "4, 3", "8, 1"})
    void everyCallerGetsItsOwnResultUnderContention(int writers, int maxBatch) throws Exception {
        AtomicInteger writing = new AtomicInteger();
        AtomicInteger mostWriting = new AtomicInteger();
        WriteCoalescer<String, String> coalescer = new WriteCoalescer<>(writers, maxBatch, item -> item.split(":")[0], batch -> {
            mostWriting.accumulateAndGet(writing.incrementAndGet(), Math::max);
            batches.add(batch.stream().map(WriteCoalescer.Item::value).toList());
            Thread.yield();
            batch.forEach(item -> item.complete(item.value().toUpperCase()));
            writing.decrementAndGet();
        });
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int thread = t;
                running.add(callers.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        String item = "k" + (thread * 7 + i) % 20 + ":" + thread + "." + i;
                        assertEquals(item.toUpperCase(), write(coalescer, item));
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(32 * 100, batches.stream().mapToInt(List::size).sum());
        assertTrue(mostWriting.get() <= writers, "at most " + writers + " batches at once, saw " + mostWriting.get());
        for (List<String> batch : batches) {
            assertTrue(batch.size() <= maxBatch, batch.toString());
            assertEquals(batch.size(), batch.stream().map(item -> item.split(":")[0]).distinct().count(), "a key twice in " + batch);
        }
        assertEquals(0, coalescer.waiting());
    }

    @Test
    void aFailedBatchFailsItsOwnItemsOnlyAndTheWriterGoesOn() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        IllegalStateException broken = new IllegalStateException("the database went away");
        WriteCoalescer<String, String> coalescer = new WriteCoalescer<>(1, 2, item -> item, batch -> {
            if (first.getAndSet(false)) {
                await(go);
                throw broken;
            }
            batch.forEach(item -> item.complete(item.value().toUpperCase()));
        });
        ExecutorService callers = Executors.newCachedThreadPool();
        try {
            Future<String> failing = callers.submit(() -> write(coalescer, "a"));
            while (first.get()) {
                Thread.onSpinWait();
            }
            Future<String> later = callers.submit(() -> write(coalescer, "b"));
            awaitWaiting(coalescer, 1);
            go.countDown();
            Exception failed = assertThrows(Exception.class, failing::get);
            assertSame(broken, failed.getCause());
            assertEquals("B", later.get());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anItemTheWriterLeavesWithoutAnOutcomeFails() {
        WriteCoalescer<String, String> coalescer = new WriteCoalescer<>(1, 8, item -> item, batch -> { });
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> write(coalescer, "forgotten"));
        assertTrue(failure.getMessage().contains("without an outcome"));
    }

    @Test
    void aLoneCallersItemIsWrittenBeforeSubmitReturns() {
        WriteCoalescer<String, String> coalescer = coalescer(2, 64, new CountDownLatch(0));
        CompletableFuture<String> written = coalescer.submit("a:1");
        assertTrue(written.isDone());
        assertEquals("A:1", written.join());
    }

    @Test
    void anItemQueuedBehindABatchIsCompletedLaterByTheThreadThatWritesIt() throws Exception {
        try (HeldFirstBatch held = new HeldFirstBatch(64)) {
            CompletableFuture<String> queued = held.coalescer.submit("x:1");
            assertFalse(queued.isDone(), "submit returns at once while every writer is busy");
            Thread[] completedOn = new Thread[1];
            CompletableFuture<String> seen = queued.whenComplete((result, failure) -> completedOn[0] = Thread.currentThread());
            held.release();
            assertEquals("X:1", seen.get());
            assertNotSame(Thread.currentThread(), completedOn[0]);
        }
    }

    /** What a caller does on completion (answering its request) never holds the writer's place: another batch may start. */
    @Test
    void itemsAreCompletedAfterTheirWriterHasLetTheNextBatchStart() throws Exception {
        try (HeldFirstBatch held = new HeldFirstBatch(64)) {
            CompletableFuture<Boolean> nextWrittenAtOnce = new CompletableFuture<>();
            held.coalescer.submit("x:1").whenComplete((result, failure) ->
                    nextWrittenAtOnce.complete(held.coalescer.submit("y:1").isDone()));
            held.release();
            assertTrue(nextWrittenAtOnce.get(), "one writer, and it was free while x's completion ran");
        }
    }

    /** The item's result, waiting for it as a caller of the service would; its failure thrown as itself. */
    private static String write(WriteCoalescer<String, String> coalescer, String item) {
        try {
            return coalescer.submit(item).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    @ParameterizedTest(name = "writers {0}, maxBatch {1}")
    @CsvSource({"0, 1", "1, 0", "-1, 5"})
    void writersAndBatchSizeAreAtLeastOne(int writers, int maxBatch) {
        assertThrows(IllegalArgumentException.class, () -> new WriteCoalescer<String, String>(writers, maxBatch, item -> item, batch -> { }));
    }

    private void awaitBatches(int count) throws InterruptedException {
        while (batches.size() < count) {
            Thread.sleep(1);
        }
    }

    private static void awaitWaiting(WriteCoalescer<?, ?> coalescer, int count) throws InterruptedException {
        while (coalescer.waiting() < count) {
            Thread.sleep(1);
        }
        assertFalse(coalescer.waiting() > count, "more waiting than queued");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
