package io.rtlbench.tools.sweep;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.cli.DataOptions;
import io.rtlbench.tools.cli.OffChipOptions;
import io.rtlbench.tools.cli.TechOption;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.results.CoreRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtlbench sweep}: a design-space sweep. Every (core config x off-chip bandwidth) point runs
 * every layer of the workload; points are independent simulations run in parallel (one emulator per
 * point, {@code --jobs} at a time). Rows go to one CSV as they finish; a point whose rows (with the
 * same workload, scale, seed, data, tech and latency) are already in the CSV is skipped, so an
 * interrupted sweep resumes where it stopped. {@code --json} writes all rows at the end.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Design-space sweep: array sizes, dataflows, warps x threads, off-chip bandwidth, across workloads; parallel and resumable.")
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--workload", defaultValue = "default", description = "as for compare (default ${DEFAULT-VALUE})")
    String workload;
    @Option(names = "--scale", defaultValue = "1.0", description = "shrink factor for a library workload (default ${DEFAULT-VALUE})")
    double scale;
    @Option(names = "--systolic", defaultValue = "8x8,ws;16x16,ws;16x16,os",
            description = "systolic configs RxC,ws|os separated by ';' (default ${DEFAULT-VALUE}); '' for none")
    String systolic;
    @Option(names = "--simt", defaultValue = "2x4,4x8", description = "SIMT configs WxT separated by ',' (default ${DEFAULT-VALUE}); '' for none")
    String simt;
    @Option(names = "--offchip-bw", defaultValue = "4,16", description = "off-chip bandwidths, bytes/cycle 1..16, comma-separated (default ${DEFAULT-VALUE})")
    String bandwidths;
    @Mixin OffChipOptions offchip;
    @Option(names = "--jobs", description = "simulations in parallel (default: available processors)")
    Integer jobs;
    @Option(names = "--out", defaultValue = "sweep.csv", description = "CSV of results, appended and resumed (default ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--json", description = "also write every row as JSON")
    Path json;
    @Mixin DataOptions data;
    @Mixin TechOption tech;
    @Option(names = "--max-cycles", defaultValue = "100000000", description = "cycle limit per layer run (default ${DEFAULT-VALUE})")
    long maxCycles;

    /** One simulation: a core configuration at one bandwidth. */
    record Point(CoreSpec spec, int bandwidth) {}

    /** Everything but the point that shapes a row's numbers. */
    record Settings(String workload, double scale, long seed, String data, String tech, int offchipLatency) {}

    @Override public Integer call() throws Exception {
        List<Point> points = points();
        if (points.isEmpty()) throw new UserError("nothing to sweep: --systolic and --simt are both empty");
        if (jobs != null && jobs < 1) throw new UserError("--jobs must be >= 1, got " + jobs);
        CoreBench.checkMaxCycles(maxCycles);
        JsonFiles.checkTarget(json);
        TechTable techTable = tech.table();
        BenchSetup setup = offchip.setup(new BuildOptions(false, true));
        List<WorkloadSet.Entry> entries = WorkloadSet.load(workload, scale);
        java.util.Random rnd = new java.util.Random(data.seed);
        List<GemmJob> layerJobs = new ArrayList<>();
        for (WorkloadSet.Entry e : entries) layerJobs.add(LayerTensors.of(e.layer(), data.data, rnd).job());
        Settings settings = new Settings(workload, scale, data.seed, data.data.toString(), techTable.name(), setup.offchipLatency());
        List<String> layerNames = entries.stream().map(WorkloadSet.Entry::name).toList();

        try (SweepCsv csv = SweepCsv.open(out)) {
            List<Point> remaining = points.stream().filter(p -> !csv.has(key(p, settings), layerNames)).toList();
            int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
            System.out.printf("sweep: %d points x %d layers, %d already in %s, %d to run on %d threads%n", points.size(), entries.size(),
                    points.size() - remaining.size(), out, remaining.size(), threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            int[] done = {0};
            for (Point p : remaining)
                futures.add(pool.submit(() -> {
                    try (CoreBench b = CoreBench.open(p.spec(), setup, layerJobs)) {
                        b.offchipBandwidth(p.bandwidth());
                        List<SweepRow> rows = new ArrayList<>();
                        for (int i = 0; i < entries.size(); i++)
                            rows.add(row(p, entries.get(i), CoreRun.measure(b, layerJobs.get(i), maxCycles, techTable), settings));
                        csv.append(rows);
                    }
                    synchronized (done) {
                        done[0]++;
                        System.out.printf("[%d/%d] %s %s @ %d B/cycle done (%.0f s elapsed)%n", done[0], remaining.size(), p.spec().core(),
                                p.spec().label(), p.bandwidth(), (System.nanoTime() - t0) / 1e9);
                    }
                    return null;
                }));
            pool.shutdown();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Point p = remaining.get(i);
                    failures.add(p.spec().core() + " " + p.spec().label() + " @ " + p.bandwidth() + " B/cycle: " + e.getCause().getMessage());
                    if (!io.rtlbench.tools.Main.isUserError(e.getCause())) throw e;
                }
            }
            List<SweepRow> rows = csv.rows();
            if (json != null) JsonFiles.write(json, new SweepJson(rows));
            System.out.printf("%d rows in %s%n", rows.size(), out);
            if (!failures.isEmpty())
                throw new UserError(failures.size() + " point(s) failed (their rows are missing; the others are saved): " + String.join("; ", failures));
            return rows.stream().allMatch(SweepRow::verified) ? 0 : 1;
        }
    }

    /** The rows as {@code --json} writes them. */
    record SweepJson(List<SweepRow> rows) {}

    private List<Point> points() {
        List<Point> out = new ArrayList<>();
        List<Integer> bws = new ArrayList<>();
        for (String s : bandwidths.split(",")) {
            if (s.isBlank()) continue;
            try {
                bws.add(BenchSetup.checkBandwidth(Integer.parseInt(s.strip()), "--offchip-bw values"));
            } catch (NumberFormatException e) {
                throw new UserError("--offchip-bw takes comma-separated bytes/cycle (e.g. 4,16); '" + s.strip() + "' is not a number");
            }
        }
        if (bws.isEmpty()) throw new UserError("--offchip-bw needs at least one bandwidth");
        for (String s : systolic.split(";")) if (!s.isBlank()) for (int b : bws) out.add(new Point(CoreSpec.parse("systolic", s, "--systolic"), b));
        for (String s : simt.split(",")) if (!s.isBlank()) for (int b : bws) out.add(new Point(CoreSpec.parse("simt", s, "--simt"), b));
        return out;
    }

    private static String key(Point p, Settings s) {
        return SweepRow.pointKey(p.spec().core(), p.spec().label(), p.bandwidth(), s.workload(), s.scale(), s.seed(), s.data(), s.tech(),
                s.offchipLatency());
    }

    private static SweepRow row(Point p, WorkloadSet.Entry e, CoreRun r, Settings s) {
        return new SweepRow(p.spec().core(), p.spec().label(), p.bandwidth(), e.name(), e.layer().repeat(), r.macs(), r.totalCycles(),
                r.computeCycles(), r.macsPerCycle(), r.utilization(), r.offchipBytes(), r.energyPj(), r.pjPerMac(), r.verified(), s.workload(),
                s.scale(), s.seed(), s.data(), s.tech(), s.offchipLatency());
    }
}
