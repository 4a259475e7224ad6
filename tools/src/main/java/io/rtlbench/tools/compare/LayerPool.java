package io.rtlbench.tools.compare;

import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.CoreRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent layer runs (a core, a bandwidth, a layer) on {@code jobs} threads, each thread
 * with its own emulator per core (the build is cached, so later ones only load it). The biggest
 * runs start first (MACs times a rough cycles-per-MAC of the core) so the threads finish together.
 * Results come back in a fixed place per run, so the output does not depend on the thread count.
 */
final class LayerPool {
    /** One run to do: core index (into the specs), bandwidth, layer index. */
    record Task(int core, int bandwidth, int layer) {}

    private final List<CoreSpec> specs;
    private final BenchSetup setup;
    private final List<GemmJob> jobs;
    private final TechTable tech;
    private final long maxCycles;
    private final long seed;

    LayerPool(List<CoreSpec> specs, BenchSetup setup, List<GemmJob> jobs, TechTable tech, long maxCycles, long seed) {
        this.seed = seed;
        this.specs = specs;
        this.setup = setup;
        this.jobs = jobs;
        this.tech = tech;
        this.maxCycles = maxCycles;
    }

    /** Runs every task; {@code done} is told of each finished run (from the worker threads, one at a time). */
    Map<Task, CoreRun> run(List<Task> tasks, int threads, java.util.function.BiConsumer<Task, CoreRun> done) throws Exception {
        List<Task> order = new ArrayList<>(tasks);
        order.sort(Comparator.comparingDouble((Task t) -> -cost(t)));
        ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>(order);
        Map<Task, CoreRun> results = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, Math.min(threads, tasks.size())); w++)
            workers.add(pool.submit(() -> {
                Map<Integer, CoreBench> benches = new HashMap<>();
                try {
                    for (Task t; (t = queue.poll()) != null; ) {
                        final Task task = t;
                        CoreBench b = benches.computeIfAbsent(task.core(), c -> CoreBench.open(specs.get(c), setup, jobs));
                        b.offchipBandwidth(task.bandwidth());
                        CoreRun r = CoreRun.measure(b, jobs.get(task.layer()), maxCycles, tech,
                                setup.sample().kind() != SampleMode.Kind.OFF, seed + task.layer());
                        results.put(task, r);
                        synchronized (this) {
                            done.accept(task, r);
                        }
                    }
                } catch (RuntimeException e) {
                    queue.clear();  // stop the others early: the comparison cannot complete
                    throw e;
                } finally {
                    benches.values().forEach(CoreBench::close);
                }
                return null;
            }));
        pool.shutdown();
        for (Future<?> f : workers) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        }
        return results;
    }

    /** Rough relative cost: MACs x cycles per MAC (systolic ~1/peak, SIMT ~5 instructions per MAC per lane). */
    private double cost(Task t) {
        GemmJob j = jobs.get(t.layer());
        CoreSpec s = specs.get(t.core());
        double perMac = s.core().equals("simt") ? 5.0 / s.peakMacsPerCycle() : 1.0 / s.peakMacsPerCycle();
        return j.macs() * perMac + j.m() * (double) j.n();  // plus a term for the output traffic of thin layers
    }
}
