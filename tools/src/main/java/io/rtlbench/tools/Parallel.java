package io.rtlbench.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Independent tasks on a few threads, all waited for: the results in task order, or the first
 * failure (a RuntimeException or Error as it was thrown) once every task has ended, after the
 * results of the tasks that succeeded were handed to {@code discard} (e.g. to close them).
 */
public final class Parallel {
    private Parallel() {}

    public static <T> List<T> all(List<? extends Callable<T>> tasks, int threads, Consumer<T> discard) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) futures.add(pool.submit(t));
            List<T> results = new ArrayList<>();
            Throwable failure = null;
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(x -> x.cancel(true));
                    throw new IllegalStateException("interrupted while waiting for parallel tasks", e);
                }
            }
            if (failure == null) return results;
            for (T r : results) if (r != null) discard.accept(r);
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error e) throw e;
            throw new IllegalStateException(failure);
        } finally {
            pool.shutdown();
        }
    }
}
