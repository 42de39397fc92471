package org.examcert.platform.database;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Writes that arrive while others are being written, written together: MariaDB spends most of a
 * small write on the statement and its commit, not on the row, so one statement for many callers'
 * rows costs a fraction of one each (docs/capacity.md, "Saves written together").
 * <p>
 * A caller queues its item; when fewer than {@code writers} batches are being written, it takes
 * every queued item (up to {@code maxBatch}, at most one per key) and writes them as one batch on
 * its own thread; otherwise it waits until a writer has written its item, or until a writer that
 * finished wakes it to write the next batch itself. No thread of its own and no timer: with one
 * caller at a time a batch is that caller's item, written at once; batches grow only while other
 * batches are being written. A caller returns only once its item is written or has failed, so
 * nothing is acknowledged before it is durable, and the queue never holds more items than there
 * are callers waiting.
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
        private final Thread caller;
        private volatile boolean done;
        private R result;
        private RuntimeException failure;

        private Item(T value, Thread caller) {
            this.value = value;
            this.caller = caller;
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
            done = true; // publishes result and failure to the caller
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
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

    /** Writes {@code value}, with others' if they arrive meanwhile; returns its result or throws its failure. */
    public R write(T value) {
        Item<T, R> item = new Item<>(value, Thread.currentThread());
        queue.addLast(item);
        boolean interrupted = false;
        while (!item.done) {
            boolean wrote = false;
            if (writers.tryAcquire()) {
                try {
                    wrote = writeBatch();
                } finally {
                    writers.release();
                }
                // Whoever queued while every writer was busy is parked: wake the next in line, who
                // writes the next batch (a writer that finishes never leaves the queue waiting alone).
                wakeNext();
            }
            if (!wrote && !item.done) {
                // every writer busy, or this item in another's batch: its writer or the next wakes us
                LockSupport.park(this);
                // the item is written whatever happens to this thread: wait for it all the same
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (item.failure != null) {
            throw item.failure;
        }
        return item.result;
    }

    /** Items waiting now (for tests and the figures). */
    public int waiting() {
        return queue.size();
    }

    private void wakeNext() {
        Item<T, R> next = queue.peekFirst();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /** Writes the next batch from the queue; false when the queue held nothing to write. */
    private boolean writeBatch() {
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
            return false;
        }
        if (!queue.isEmpty()) {
            wakeNext(); // another writer may start on what is left while this batch is written
        }
        try {
            writer.write(batch);
        } catch (RuntimeException failure) {
            batch.forEach(written -> written.fail(failure)); // its callers' failure, not this thread's
        } catch (Error failure) {
            batch.forEach(written -> written.fail(new IllegalStateException(failure)));
            throw failure;
        } finally {
            for (Item<T, R> written : batch) {
                if (!written.done) {
                    written.fail(new IllegalStateException("the batch writer left an item without an outcome"));
                }
            }
        }
        return true;
    }
}
