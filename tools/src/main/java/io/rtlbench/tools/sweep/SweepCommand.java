package io.rtlbench.tools.sweep;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.Json;
import io.rtlbench.tools.compare.CoreRunner;
import io.rtlbench.tools.compare.LayerTensors;
import io.rtlbench.tools.compare.SimtRunner;
import io.rtlbench.tools.compare.SystolicRunner;
import io.rtlbench.tools.energy.TechTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rtlbench sweep}: a design-space sweep. Every (core config x off-chip bandwidth) point runs
 * every layer of the workload; points are independent simulations run in parallel (one emulator per
 * point, {@code --jobs} at a time). Rows go to one CSV as they finish; a point whose rows are already
 * in the CSV is skipped, so an interrupted sweep resumes where it stopped. {@code --json} writes all
 * rows at the end.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Design-space sweep: array sizes, dataflows, warps x threads, off-chip bandwidth, across workloads; parallel and resumable.")
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--workload", defaultValue = "default", description = "as for compare (default ${DEFAULT-VALUE})")
    String workload;
    @Option(names = "--scale", defaultValue = "1.0", description = "shrink factor for a library workload (default ${DEFAULT-VALUE})")
    double scale;
    @Option(names = "--systolic", split = ";", defaultValue = "8x8,ws;16x16,ws;16x16,os",
            description = "systolic configs separated by ';' (default ${DEFAULT-VALUE}); empty for none")
    List<String> systolic;
    @Option(names = "--simt", split = ",", defaultValue = "2x4,4x8", description = "SIMT configs (default ${DEFAULT-VALUE}); empty for none")
    List<String> simt;
    @Option(names = "--offchip-bw", split = ",", defaultValue = "4,16", description = "off-chip bandwidths, bytes/cycle (default ${DEFAULT-VALUE})")
    List<Integer> bandwidths;
    @Option(names = "--jobs", description = "simulations in parallel (default: available processors)")
    Integer jobs;
    @Option(names = "--out", defaultValue = "sweep.csv", description = "CSV of results, appended and resumed (default ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--json", description = "also write every row as JSON")
    Path json;
    @Option(names = "--data", defaultValue = "random", description = "random, zeros or sparse:P (default ${DEFAULT-VALUE})")
    String data;
    @Option(names = "--tech", defaultValue = "45nm", description = "technology table (default ${DEFAULT-VALUE})")
    String tech;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--max-cycles", defaultValue = "100000000", description = "cycle limit per layer run (default ${DEFAULT-VALUE})")
    long maxCycles;

    record Point(String core, String config, int bandwidth) {}

    @Override public Integer call() throws Exception {
        OffChipConfig off = OffChipConfig.defaults();
        for (int b : bandwidths)
            if (b < 1 || b > off.busBytes()) throw new IllegalArgumentException("--offchip-bw values must be 1.." + off.busBytes() + "; got " + b);
        TechTable techTable = TechTable.of(tech);
        DataPattern pattern = DataPattern.parse(data);
        List<WorkloadSet.Entry> entries = WorkloadSet.load(workload, scale);
        Random rnd = new Random(seed);
        List<LayerTensors> tensors = new ArrayList<>();
        for (WorkloadSet.Entry e : entries) tensors.add(LayerTensors.of(e.layer(), pattern, rnd));

        SweepCsv csv = SweepCsv.open(out);
        List<Point> todo = new ArrayList<>();
        for (String s : systolic) if (!s.isBlank()) for (int b : bandwidths) todo.add(new Point("systolic", s.trim(), b));
        for (String s : simt) if (!s.isBlank()) for (int b : bandwidths) todo.add(new Point("simt", s.trim(), b));
        List<Point> remaining = todo.stream().filter(p -> !csv.has(p.core(), p.config(), p.bandwidth(), entries.size())).toList();
        int threads = jobs != null ? Math.max(1, jobs) : Runtime.getRuntime().availableProcessors();
        System.out.printf("sweep: %d points x %d layers, %d already in %s, %d to run on %d threads%n",
                todo.size(), entries.size(), todo.size() - remaining.size(), out, remaining.size(), threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        int[] done = {0};
        for (Point p : remaining)
            futures.add(pool.submit(() -> {
                try (CoreRunner r = p.core().equals("systolic") ? new SystolicRunner(p.config(), off, tensors, techTable)
                        : new SimtRunner(p.config(), off, tensors, techTable)) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (int i = 0; i < entries.size(); i++)
                        rows.add(SweepCsv.row(p.core(), r.label(), p.bandwidth(), entries.get(i), r.run(tensors.get(i), p.bandwidth(), maxCycles)));
                    csv.append(rows);
                    synchronized (done) {
                        done[0]++;
                        System.out.printf("[%d/%d] %s %s @ %d B/cycle done (%.0f s elapsed)%n", done[0], remaining.size(), p.core(),
                                p.config(), p.bandwidth(), (System.nanoTime() - t0) / 1e9);
                    }
                }
                return null;
            }));
        pool.shutdown();
        for (Future<?> f : futures) f.get();
        if (json != null) Json.writeFile(json, Map.of("rows", csv.rows()));
        System.out.printf("%d rows in %s%n", csv.rows().size(), out);
        return csv.rows().stream().allMatch(r -> "true".equals(String.valueOf(r.get("verified")))) ? 0 : 1;
    }
}
