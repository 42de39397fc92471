package org.examcert.platform.database;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Writes that arrive while others are being written, written together: MariaDB spends most of a
 * small write on the statement and its commit, not on the row, so one statement for many callers'
 * rows costs a fraction of one each (docs/capacity.md, "Saves written together").
 * <p>
 * A caller queues its item ({@link #submit}); when fewer than {@code writers} batches are being
 * written, it takes every queued item (up to {@code maxBatch}, at most one per key), writes them as
 * one batch on its own thread, and goes on with the next batch while items are queued; otherwise it
 * leaves its item queued for a thread that is writing. No thread of its own and no timer: with one
 * caller at a time a batch is that caller's item, written at once; batches grow only while other
 * batches are being written, and the queue never holds more items than callers have submitted and
 * not yet seen completed. An item's future completes only once the item is written or has failed,
 * so nothing is acknowledged before it is durable; it completes on the thread that wrote it, after
 * that thread has let another writer start, so what a caller does on completion (answer its
 * request) never holds up the next batch.
 * <p>
 * Pure Java, no container: the batch is written by the {@link BatchWriter} given.
 */
public final class WriteCoalescer<T, R> {

    /** Writes one batch (in the caller's thread, outside any transaction): completes or fails each item. */
    @FunctionalInterface
    public interface BatchWriter<T, R> {
        void write(List<Item<T, R>> batch);
    }

    /** One caller's item: what it asked to write, and, once written, its result or its failure. */
    public static final class Item<T, R> {
        private final T value;
        private final CompletableFuture<R> future = new CompletableFuture<>();
        // set and read only by the thread writing the item's batch
        private boolean done;
        private R result;
        private RuntimeException failure;

        private Item(T value) {
            this.value = value;
        }

        public T value() {
            return value;
        }

        public void complete(R result) {
            finish(result, null);
        }

        public void fail(RuntimeException failure) {
            finish(null, Objects.requireNonNull(failure));
        }

        private void finish(R result, RuntimeException failure) {
            if (done) {
                return; // the first outcome stands
            }
            this.result = result;
            this.failure = failure;
            done = true;
        }

        /** Completes the caller's future with the outcome (a failure when the writer left it none). */
        private void deliver() {
            if (!done) {
                finish(null, new IllegalStateException("the batch writer left an item without an outcome"));
            }
            // what a caller does on completion cannot throw here: the future keeps that to the caller's own stage
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(result);
            }
        }
    }

    private final ConcurrentLinkedDeque<Item<T, R>> queue = new ConcurrentLinkedDeque<>();
    private final Semaphore writers;
    private final int maxBatch;
    private final Function<T, ?> key;
    private final BatchWriter<T, R> writer;

    /**
     * @param writers  batches written at the same time (one waits for its commit while another is built)
     * @param maxBatch most items in one batch
     * @param key      items with equal keys never share a batch (a later one goes in the next)
     */
    public WriteCoalescer(int writers, int maxBatch, Function<T, ?> key, BatchWriter<T, R> writer) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writers and maxBatch must be at least 1");
        }
        this.writers = new Semaphore(writers);
        this.maxBatch = maxBatch;
        this.key = Objects.requireNonNull(key);
        this.writer = Objects.requireNonNull(writer);
    }

    /**
     * Queues {@code value}, to be written with others' if they arrive meanwhile, and writes batches
     * while a writer is free and items are queued. The future completes with the item's result or
     * its failure on the thread that writes it: before this returns, when that is this one.
     */
    public CompletableFuture<R> submit(T value) {
        Item<T, R> item = new Item<>(value);
        queue.addLast(item);
        // A writer that finds the queue empty after its batch stops. One that queued meanwhile finds
        // that writer's permit free here (its item was queued before it asked): nothing is left behind.
        while (!queue.isEmpty() && writers.tryAcquire()) {
            List<Item<T, R>> batch;
            try {
                batch = writeBatch();
            } finally {
                writers.release();
            }
            batch.forEach(Item::deliver);
        }
        return item.future;
    }

    /** Items waiting now (for tests and the figures). */
    public int waiting() {
        return queue.size();
    }

    /** Takes the next batch from the queue and writes it, every item with an outcome; empty when none was queued. */
    private List<Item<T, R>> writeBatch() {
        List<Item<T, R>> batch = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        Deque<Item<T, R>> later = new ArrayDeque<>();
        Item<T, R> item;
        while (batch.size() < maxBatch && (item = queue.pollFirst()) != null) {
            if (keys.add(key.apply(item.value))) {
                batch.add(item);
            } else {
                later.addFirst(item);
            }
        }
        later.forEach(queue::addFirst); // back at the head, in the order they came
        if (batch.isEmpty()) {
            return batch;
        }
        try {
            writer.write(batch);
        } catch (RuntimeException failure) {
            batch.forEach(written -> written.fail(failure)); // its callers' failure, not this thread's
        } catch (Error failure) {
            batch.forEach(written -> written.fail(new IllegalStateException(failure)));
            batch.forEach(Item::deliver);
            throw failure;
        }
        return batch;
    }
}
