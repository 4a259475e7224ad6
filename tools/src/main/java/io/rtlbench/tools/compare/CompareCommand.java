package io.rtlbench.tools.compare;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.ChainRun;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.workloads.LayerSpec;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.testbenches.workloads.WorkloadLibrary;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.cli.DataOptions;
import io.rtlbench.tools.cli.OffChipOptions;
import io.rtlbench.tools.cli.SpecConverters;
import io.rtlbench.tools.cli.TechOption;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.report.ReportWriter;
import io.rtlbench.tools.results.CoreRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtlbench compare}: the main job. Runs every layer of a workload on both cores (each built
 * once, with toggle counting), verifies both against the golden model, estimates energy, sweeps the
 * off-chip bandwidth (the memory wall), prints one side-by-side table and writes JSON and an HTML
 * report. Layers with a repeat (depthwise channels, attention heads) run once and count repeat times.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run the same workload on the systolic ASIC and the SIMT GPU; compare cycles and energy.")
public final class CompareCommand implements Callable<Integer> {
    @Option(names = "--workload", defaultValue = "default",
            description = "default (one layer of each network), a library workload (resnet50, mobilenet_v1, gpt2, llm_decode, small_mlp), gemm:M,K,N or conv:H,W,CIN,COUT,K,STRIDE,PAD (default ${DEFAULT-VALUE})")
    String workload;
    @Option(names = "--scale", defaultValue = "1.0", description = "shrink a library workload's layers by this factor, 0 < F <= 1 (default ${DEFAULT-VALUE})")
    double scale;
    @Option(names = "--systolic", defaultValue = "16x16,ws", converter = SpecConverters.Systolic.class,
            description = "systolic array RxC,ws|os (default ${DEFAULT-VALUE})")
    SystolicSpec systolic;
    @Option(names = "--simt", defaultValue = "4x8", converter = SpecConverters.Simt.class, description = "SIMT warps x threads (default ${DEFAULT-VALUE})")
    SimtSpec simt;
    @Option(names = "--offchip-bw", defaultValue = "16", description = "off-chip bandwidth, bytes/cycle, 1..16 (default ${DEFAULT-VALUE})")
    int offchipBw;
    @Mixin OffChipOptions offchip;
    @Option(names = "--sweep-bw", defaultValue = "2,4,16",
            description = "bandwidths for the memory-wall sweep, comma-separated (default ${DEFAULT-VALUE}); '' to skip the sweep")
    String sweep;
    @Mixin DataOptions data;
    @Mixin TechOption tech;
    @Option(names = "--max-cycles", defaultValue = "100000000", description = "cycle limit per layer run (default ${DEFAULT-VALUE})")
    long maxCycles;
    @Option(names = "--json", description = "write the comparison as JSON (objects systolic, simt, ratios, layers)")
    Path json;
    @Option(names = "--html", description = "write the HTML report (charts also as .svg files next to it)")
    Path html;

    @Override public Integer call() {
        BenchSetup.checkBandwidth(offchipBw, "--offchip-bw");
        CoreBench.checkMaxCycles(maxCycles);
        TreeSet<Integer> bws = sweepBandwidths(sweep);
        bws.add(offchipBw);
        TechTable techTable = tech.table();
        BenchSetup setup = offchip.setup(new BuildOptions(false, true));
        ReportWriter.checkTarget(html);
        if (json != null) JsonFiles.checkTarget(json);
        List<WorkloadSet.Entry> entries = WorkloadSet.load(workload, scale);
        Random rnd = new Random(data.seed);
        List<LayerTensors> tensors = new ArrayList<>();
        for (WorkloadSet.Entry e : entries) tensors.add(LayerTensors.of(e.layer(), data.data, rnd));

        Progress progress = new Progress(2L * entries.size() * bws.size());
        System.out.printf("rtlbench compare: %d layer(s), systolic %s vs SIMT %s, off-chip %d B/cycle (sweep %s), %s, data %s%n",
                entries.size(), systolic, simt, offchipBw, bws, techTable.name(), data.data);
        System.out.println("building both emulators (toggle-counting; cached after the first run)...");
        List<io.rtlbench.testbenches.systolic.GemmJob> jobs = tensors.stream().map(LayerTensors::job).toList();
        Map<Integer, List<CoreRun>> sysRuns = new LinkedHashMap<>(), gpuRuns = new LinkedHashMap<>();
        try (CoreBench sys = CoreBench.open(systolic, setup, jobs); CoreBench gpu = CoreBench.open(simt, setup, jobs)) {
            for (int bw : bws.descendingSet()) {
                List<CoreRun> s = new ArrayList<>(), g = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    s.add(progress.run(entries.get(i).name(), bw, sys, jobs.get(i), maxCycles, techTable));
                    g.add(progress.run(entries.get(i).name(), bw, gpu, jobs.get(i), maxCycles, techTable));
                }
                sysRuns.put(bw, s);
                gpuRuns.put(bw, g);
            }
        }
        CompareResult result = Aggregate.build(workload, scale, entries, tensors, systolic, simt, offchipBw, setup, techTable,
                sysRuns, gpuRuns, data);
        result = endToEnd(result, setup);
        System.out.print(CompareTable.render(result));
        if (json != null) {
            JsonFiles.write(json, result);
            System.out.println("JSON: " + json);
        }
        if (html != null) {
            List<Path> files = ReportWriter.write(result, html);
            System.out.println("HTML report: " + html + " (+" + (files.size() - 1) + " SVG charts)");
        }
        if (!result.verified()) System.err.println("rtlbench: a layer did not verify; see first_mismatch in the JSON");
        return result.verified() ? 0 : 1;
    }

    /** The memory-wall bandwidths {@code --sweep-bw} means: comma-separated, each 1..16; empty for none. */
    public static TreeSet<Integer> sweepBandwidths(String list) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String s : list.split(",")) {
            if (s.isBlank()) continue;
            try {
                out.add(BenchSetup.checkBandwidth(Integer.parseInt(s.strip()), "--sweep-bw values"));
            } catch (NumberFormatException e) {
                throw new UserError("--sweep-bw takes comma-separated bytes/cycle (e.g. 2,4,16); '" + s.strip() + "' is not a number");
            }
        }
        return out;
    }

    /** A chained library workload (a whole model) also runs end to end on both cores, requantized between layers. */
    private CompareResult endToEnd(CompareResult result, BenchSetup setup) {
        if (workload.equals("default") || LayerSpec.isSpec(workload)) return result;
        var w = WorkloadLibrary.load(workload, scale);
        if (!w.chained()) return result;
        System.out.println("running " + w.name() + " end to end on both cores (INT8 requantized between layers)...");
        ChainRun.Result r = ChainRun.run(w, systolic, simt, setup.withBuild(BuildOptions.PLAIN), data.seed, maxCycles);
        System.out.printf("end to end: %s, systolic %,d cycles, SIMT %,d cycles (%.1fx)%n", r.verified() ? "every layer verified" : "MISMATCH",
                r.systolicCycles(), r.simtCycles(), r.speedup());
        List<CompareResult.EndToEnd.Layer> layers = r.layers().stream().map(l -> new CompareResult.EndToEnd.Layer(l.name(),
                l.systolicCycles(), l.simtCycles(), l.systolicMismatch() == null, l.simtMismatch() == null, l.systolicMismatch(),
                l.simtMismatch())).toList();
        return result.withEndToEnd(new CompareResult.EndToEnd(r.model(), r.verified(), layers, r.systolicCycles(), r.simtCycles(), r.speedup()));
    }

    /** Progress lines with the cycles of each run and an ETA from the runs so far. */
    static final class Progress {
        private final long total;
        private long done;
        private final long start = System.nanoTime();

        Progress(long total) { this.total = total; }

        CoreRun run(String layer, int bw, CoreBench core, io.rtlbench.testbenches.systolic.GemmJob job, long maxCycles, TechTable tech) {
            long t0 = System.nanoTime();
            core.offchipBandwidth(bw);
            CoreRun r = CoreRun.measure(core, job, maxCycles, tech);
            done++;
            double elapsed = (System.nanoTime() - start) / 1e9, eta = elapsed / done * (total - done);
            System.out.printf("[%3d/%d] bw %2d B/c  %-26s %-8s %,12d cycles  %s  %5.1f s  ETA %s%n", done, total, bw, layer,
                    core.core(), r.totalCycles(), r.verified() ? "ok      " : "MISMATCH", (System.nanoTime() - t0) / 1e9,
                    eta < 60 ? String.format("%.0f s", eta) : String.format("%dm%02ds", (long) eta / 60, (long) eta % 60));
            return r;
        }
    }
}
