package io.rtlbench.tools.compare;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.ChainRun;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.workloads.LayerSpec;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.testbenches.workloads.WorkloadLibrary;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.tools.cli.DataOptions;
import io.rtlbench.tools.cli.OffChipOptions;
import io.rtlbench.tools.cli.SpecConverters;
import io.rtlbench.tools.cli.TechOption;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.model.ModelComparison;
import io.rtlbench.tools.model.ModelOptions;
import io.rtlbench.tools.model.ModelResult;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
    @Option(names = "--jobs", description = "layer runs in parallel, one emulator each (default: available processors)")
    Integer jobs;
    @Option(names = "--model", paramLabel = "FILE.onnx",
            description = "compare an ONNX model end to end (layer by layer on both cores, checked against ONNX Runtime) instead of a workload")
    Path model;
    @Mixin ModelOptions modelOptions;
    @Spec CommandSpec spec;

    @Override public Integer call() throws Exception {
        if (model != null) return model();
        for (String o : List.of("--input", "--calibrate", "--shape", "--per-tensor", "--uint8", "--save-quantized"))
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) throw new UserError(o + " applies to an ONNX model: add --model FILE.onnx");
        BenchSetup.checkBandwidth(offchipBw, "--offchip-bw");
        if (jobs != null && jobs < 1) throw new UserError("--jobs must be >= 1, got " + jobs);
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
        List<GemmJob> layerJobs = tensors.stream().map(LayerTensors::job).toList();
        List<LayerPool.Task> tasks = new ArrayList<>();
        for (int bw : bws.descendingSet())
            for (int i = 0; i < entries.size(); i++)
                for (int c = 0; c < 2; c++) tasks.add(new LayerPool.Task(c, bw, i));
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        var results = new LayerPool(List.of(systolic, simt), setup, layerJobs, techTable, maxCycles)
                .run(tasks, threads, (t, r) -> progress.done(entries.get(t.layer()).name(), t.bandwidth(), t.core() == 0 ? "systolic" : "simt", r));
        Map<Integer, List<CoreRun>> sysRuns = new LinkedHashMap<>(), gpuRuns = new LinkedHashMap<>();
        for (int bw : bws.descendingSet()) {
            List<CoreRun> s = new ArrayList<>(), g = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                s.add(results.get(new LayerPool.Task(0, bw, i)));
                g.add(results.get(new LayerPool.Task(1, bw, i)));
            }
            sysRuns.put(bw, s);
            gpuRuns.put(bw, g);
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

    /** {@code compare --model}: the model end to end on both cores, with energy per layer. */
    private int model() {
        for (String o : List.of("--workload", "--scale", "--sweep-bw", "--data", "--jobs", "--offchip-latency"))
            if (spec.commandLine().getParseResult().hasMatchedOption(o))
                throw new UserError(o + " does not apply to --model (the model gives the layers, its input the data)");
        BenchSetup.checkBandwidth(offchipBw, "--offchip-bw");
        CoreBench.checkMaxCycles(maxCycles);
        TechTable techTable = tech.table();
        ReportWriter.checkTarget(html);
        JsonFiles.checkTarget(json);
        ModelPlan plan = modelOptions.load(model, data.seed);
        var inputs = modelOptions.inputs(plan, data.seed);
        System.out.printf("rtlbench compare --model %s: %s model, %d layers; systolic %s vs SIMT %s, off-chip %d B/cycle, %s%n", model,
                plan.fp32Model() ? "FP32 (quantized here)" : "INT8", plan.steps().size(), systolic, simt, offchipBw, techTable.name());
        ModelResult r = ModelComparison.run(model, plan, inputs, String.join(",", modelOptions.inputLabel()), systolic, simt, offchipBw, techTable,
                data.seed, maxCycles, null, System.out::println);
        System.out.print(ModelComparison.table(r));
        if (json != null) {
            JsonFiles.write(json, r);
            System.out.println("JSON: " + json);
        }
        if (html != null) {
            io.rtlbench.tools.report.ModelPage.write(r, html);
            System.out.println("HTML report: " + html);
        }
        if (!r.verified()) System.err.println("rtlbench: a layer did not verify; see the mismatches in the JSON");
        return r.verified() ? 0 : 1;
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

    /** Progress lines with the cycles of each run and an ETA from the runs so far (runs finish in any order). */
    static final class Progress {
        private final long total;
        private long done;
        private final long start = System.nanoTime();

        Progress(long total) { this.total = total; }

        void done(String layer, int bw, String core, CoreRun r) {
            done++;
            double elapsed = (System.nanoTime() - start) / 1e9, eta = elapsed / done * (total - done);
            System.out.printf("[%3d/%d] bw %2d B/c  %-26s %-8s %,12d cycles  %s  %6.1f s elapsed  ETA %s%n", done, total, bw, layer,
                    core, r.totalCycles(), r.verified() ? "ok      " : "MISMATCH", elapsed,
                    eta < 60 ? String.format("%.0f s", eta) : String.format("%dm%02ds", (long) eta / 60, (long) eta % 60));
        }
    }
}
