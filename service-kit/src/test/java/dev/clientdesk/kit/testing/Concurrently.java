package dev.clientdesk.kit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs tasks on many threads released at the same moment, for races against one resource. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Tasks in flight; {@link #results()} waits for them all. */
    public static final class Running<T> implements AutoCloseable {
        private final ExecutorService pool;
        private final List<Future<T>> futures;

        private Running(ExecutorService pool, List<Future<T>> futures) {
            this.pool = pool;
            this.futures = futures;
        }

        /** How many tasks have finished. */
        public long done() {
            return futures.stream().filter(Future::isDone).count();
        }

        /** The results in the order of the tasks, once every task has finished. */
        public List<T> results() {
            List<T> results = new ArrayList<>(futures.size());
            try {
                for (Future<T> future : futures) {
                    results.add(future.get(60, TimeUnit.SECONDS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("a concurrent task failed", e);
            } finally {
                close();
            }
            return results;
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /**
     * Starts up to {@code threads} tasks at the same moment (each waits until all the threads are ready) and
     * returns without waiting for them.
     */
    public static <T> Running<T> start(int threads, List<Callable<T>> tasks) {
        int size = Math.max(1, Math.min(threads, tasks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(size);
        CountDownLatch ready = new CountDownLatch(size);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await(30, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        try {
            ready.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException(e);
        }
        go.countDown();
        return new Running<>(pool, futures);
    }

    /** Runs the tasks as {@link #start} does and returns their results in the order of {@code tasks}. */
    public static <T> List<T> run(int threads, List<Callable<T>> tasks) {
        return start(threads, tasks).results();
    }
}
