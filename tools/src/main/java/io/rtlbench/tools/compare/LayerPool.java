package io.rtlbench.tools.compare;

import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.emulator.Design;
import io.rtlbench.tools.Parallel;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.CoreRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs independent layer runs (a core, a bandwidth, a layer) on {@code jobs} threads, each thread
 * with its own emulator per core (the build is cached, so later ones only load it). Every core's
 * emulator is opened first, all at once, so the builds overlap. The biggest runs start first (MACs
 * times a rough cycles-per-MAC of the core) so the threads finish together, except that runs of a
 * core whose gate counts Yosys is still making wait behind runs that can estimate energy now.
 * Results come back in a fixed place per run, so the output does not depend on the thread count.
 */
final class LayerPool {
    /** One run to do: core index (into the specs), bandwidth, layer index. */
    record Task(int core, int bandwidth, int layer) {}

    /** Told of each finished run and the seconds it took. */
    interface Done {
        void accept(Task task, CoreRun run, double seconds);
    }

    private final List<CoreSpec> specs;
    private final BenchSetup setup;
    private final List<GemmJob> jobs;
    private final TechTable tech;
    private final long maxCycles;
    private final long seed;
    /** The design of each core's emulator, once opened. */
    private final Map<Integer, Design> designs = new java.util.concurrent.ConcurrentHashMap<>();

    LayerPool(List<CoreSpec> specs, BenchSetup setup, List<GemmJob> jobs, TechTable tech, long maxCycles, long seed) {
        this.seed = seed;
        this.specs = specs;
        this.setup = setup;
        this.jobs = jobs;
        this.tech = tech;
        this.maxCycles = maxCycles;
    }

    /** Runs every task; {@code done} is told of each finished run (from the worker threads, one at a time). */
    Map<Task, CoreRun> run(List<Task> tasks, int threads, Done done) throws Exception {
        Map<Integer, ConcurrentLinkedQueue<CoreBench>> idle = openAll(tasks);
        List<Task> remaining = new ArrayList<>(tasks);
        remaining.sort(Comparator.comparingDouble((Task t) -> -cost(t)));
        Map<Task, CoreRun> results = new java.util.concurrent.ConcurrentHashMap<>();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, Math.min(threads, tasks.size())); w++)
            workers.add(() -> {
                Map<Integer, CoreBench> benches = new HashMap<>();
                try {
                    for (Task t; (t = next(remaining)) != null; ) {
                        final Task task = t;
                        CoreBench b = benches.computeIfAbsent(task.core(), c -> {
                            CoreBench opened = idle.get(c).poll();
                            return opened != null ? opened : CoreBench.open(specs.get(c), setup, jobs);
                        });
                        b.offchipBandwidth(task.bandwidth());
                        long t0 = System.nanoTime();
                        CoreRun r = CoreRun.measure(b, jobs.get(task.layer()), maxCycles, tech,
                                setup.sample().kind() != SampleMode.Kind.OFF, seed + task.layer());
                        results.put(task, r);
                        synchronized (this) {
                            done.accept(task, r, (System.nanoTime() - t0) / 1e9);
                        }
                    }
                } catch (RuntimeException e) {
                    synchronized (remaining) {
                        remaining.clear();  // stop the others early: the comparison cannot complete
                    }
                    throw e;
                } finally {
                    benches.values().forEach(CoreBench::close);
                }
                return null;
            });
        try {
            Parallel.all(workers, workers.size(), unused -> {});
        } finally {
            idle.values().forEach(q -> q.forEach(CoreBench::close));
        }
        return results;
    }

    /**
     * One emulator per core the tasks use, all opened at once before any run: the C++ builds (and,
     * under {@link io.rtlbench.tools.energy.GateCounts#prefetchWithBuilds}, the Yosys runs) of both
     * cores overlap instead of each starting when a run first needs it.
     */
    private Map<Integer, ConcurrentLinkedQueue<CoreBench>> openAll(List<Task> tasks) {
        List<Integer> cores = tasks.stream().map(Task::core).distinct().sorted().toList();
        List<CoreBench> opened = Parallel.all(cores.stream().map(c -> (Callable<CoreBench>) () -> CoreBench.open(specs.get(c), setup, jobs))
                .toList(), cores.size(), CoreBench::close);
        Map<Integer, ConcurrentLinkedQueue<CoreBench>> idle = new HashMap<>();
        for (int c = 0; c < specs.size(); c++) idle.put(c, new ConcurrentLinkedQueue<>());
        for (int i = 0; i < cores.size(); i++) {
            idle.get(cores.get(i)).add(opened.get(i));
            designs.put(cores.get(i), opened.get(i).simulator().design());
        }
        return idle;
    }

    /**
     * The next run: the costliest left whose core's gate counts are ready (energy needs them; Yosys
     * may still be running for a core just built), else the costliest left; null when none are left.
     */
    private Task next(List<Task> remaining) {
        synchronized (remaining) {
            if (remaining.isEmpty()) return null;
            int pick = 0;
            for (int i = 0; i < remaining.size(); i++)
                if (ready(remaining.get(i).core())) {
                    pick = i;
                    break;
                }
            return remaining.remove(pick);
        }
    }

    /** Whether a run on {@code core} can estimate its energy without waiting for Yosys. */
    private boolean ready(int core) {
        Design d = designs.get(core);
        return !setup.build().toggles() || d == null || GateCounts.ready(d);
    }

    /** Rough relative cost: MACs x cycles per MAC (systolic ~1/peak, SIMT ~5 instructions per MAC per lane). */
    private double cost(Task t) {
        GemmJob j = jobs.get(t.layer());
        CoreSpec s = specs.get(t.core());
        double perMac = s.core().equals("simt") ? 5.0 / s.peakMacsPerCycle() : 1.0 / s.peakMacsPerCycle();
        return j.macs() * perMac + j.m() * (double) j.n();  // plus a term for the output traffic of thin layers
    }
}
