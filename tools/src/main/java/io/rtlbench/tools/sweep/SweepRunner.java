package io.rtlbench.tools.sweep;

import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.Main;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.CoreRun;
import io.rtlbench.tools.sweep.SweepDescription.Point;
import io.rtlbench.tools.sweep.SweepDescription.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs points of a sweep into its CSV: points whose rows (same settings, every layer) are already
 * there are skipped; the others run {@code threads} at a time, one emulator each, and append all
 * their rows when they finish. A point with only some of its rows (cut by a kill) is run again from
 * scratch. A point that fails (a cycle limit, a bad input) does not stop the others: the failures are
 * reported together at the end as one line.
 */
record SweepRunner(SweepDescription sweep, List<WorkloadSet.Entry> entries, List<GemmJob> layerJobs, BenchSetup setup, TechTable tech,
                   long maxCycles, int threads) {

    /** Runs {@code points} (of {@link #sweep}) that {@code csv} lacks; prints progress; throws one line listing failed points. */
    void run(List<Point> points, SweepCsv csv, String where) throws Exception {
        List<String> layerNames = sweep.layerNames();
        List<Point> remaining = points.stream().filter(p -> !csv.has(sweep.key(p), layerNames)).toList();
        for (Point p : remaining) csv.dropPartial(sweep.key(p));
        System.out.printf("sweep %s: %d points x %d layers, %d already in %s, %d to run on %d threads%n", sweep.id(), points.size(), entries.size(),
                points.size() - remaining.size(), where, remaining.size(), threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        int[] done = {0};
        for (Point p : remaining)
            futures.add(pool.submit(() -> {
                csv.append(runPoint(p));
                synchronized (done) {
                    done[0]++;
                    System.out.printf("[%d/%d] %s done (%.0f s elapsed)%n", done[0], remaining.size(), p.label(), (System.nanoTime() - t0) / 1e9);
                }
                return null;
            }));
        pool.shutdown();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get();
            } catch (ExecutionException e) {
                failures.add(remaining.get(i).label() + ": " + e.getCause().getMessage());
                if (!Main.isUserError(e.getCause())) throw e;
            }
        }
        if (!failures.isEmpty())
            throw new UserError(failures.size() + " point(s) failed (their rows are missing; the others are saved): " + String.join("; ", failures));
    }

    /** Every layer on one point: one row per layer, in the description's layer order. */
    private List<SweepRow> runPoint(Point p) {
        try (CoreBench b = CoreBench.open(p.spec(), setup, layerJobs)) {
            b.offchipBandwidth(p.offchipBw());
            List<SweepRow> rows = new ArrayList<>();
            boolean sampled = setup.sample().kind() != SampleMode.Kind.OFF;
            for (int i = 0; i < entries.size(); i++)  // the seed per layer as compare's, so a sampled row matches compare's run of it
                rows.add(row(p, entries.get(i), CoreRun.measure(b, layerJobs.get(i), maxCycles, tech, sampled, sweep.settings().seed() + i),
                        sweep.settings()));
            return rows;
        }
    }

    private static SweepRow row(Point p, WorkloadSet.Entry e, CoreRun r, Settings s) {
        return new SweepRow(p.core(), p.config(), p.offchipBw(), e.name(), e.layer().repeat(), r.macs(), r.totalCycles(), r.computeCycles(),
                r.macsPerCycle(), r.utilization(), r.offchipBytes(), r.energyPj(), r.pjPerMac(), r.verified(), s.workload(), s.scale(), s.seed(),
                s.data(), s.tech(), s.offchipLatency(), s.format(), s.sample(), r.sampling().sampled(), r.sampling().tilesTotal(),
                r.sampling().tilesEmulated(), r.sampling().cyclesCi() == null ? 0.0 : r.sampling().cyclesCi());
    }
}
