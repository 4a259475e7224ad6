package io.rtlbench.tools.compare;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.ChainRun;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.workloads.LayerSpec;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.testbenches.workloads.WorkloadLibrary;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.tools.cli.DataOptions;
import io.rtlbench.tools.cli.FormatSampleOptions;
import io.rtlbench.tools.cli.OffChipOptions;
import io.rtlbench.tools.cli.SpecConverters;
import io.rtlbench.tools.cli.MemoryOption;
import io.rtlbench.tools.cli.ModernTechOption;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.energy.GateCounts;
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
    @Option(names = "--simt", defaultValue = "4x8", converter = SpecConverters.Simt.class,
            description = "SIMT GPU [CORESx]WARPSxTHREADS[,scalar|dp4a|tensor] (default ${DEFAULT-VALUE}); repeat the option to add GPU "
                    + "variants, compared side by side with the systolic core (the first is the main comparison)")
    List<SimtSpec> simts;
    SimtSpec simt;
    @Option(names = "--format", defaultValue = "int8",
            description = "number format of both cores: int8, fp8e4m3, fp8e5m2, mxfp4 (floating point: weight-stationary systolic, "
                    + "soft-float SIMT kernels, FP32 outputs; default ${DEFAULT-VALUE})")
    String format;
    @Mixin MemoryOption memory;
    @Option(names = "--sample", defaultValue = "auto",
            description = "sampled emulation of long layers: auto (a sample of tiles until the 95%% interval of cycles is within 1%%, or the "
                    + "whole layer when that is cheaper), N (tiles per layer), off (every tile); every emulated tile is verified "
                    + "(default ${DEFAULT-VALUE}; int8 only)")
    String sample;
    @Option(names = "--offchip-bw", defaultValue = "16", description = "off-chip bandwidth, bytes/cycle, 1..16 (default ${DEFAULT-VALUE})")
    int offchipBw;
    @Mixin OffChipOptions offchip;
    @Option(names = "--sweep-bw", defaultValue = "2,4,16",
            description = "bandwidths for the memory-wall sweep, comma-separated (default ${DEFAULT-VALUE}); '' to skip the sweep")
    String sweep;
    @Mixin DataOptions data;
    @Mixin ModernTechOption tech;
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
        try (var prefetch = GateCounts.prefetchWithBuilds()) {  // Yosys alongside the emulator builds and runs
            return compare();
        }
    }

    private int compare() throws Exception {
        simt = simts.get(0);
        if (model != null) return model();
        for (String o : List.of("--input", "--calibrate", "--shape", "--per-tensor", "--uint8", "--save-quantized"))
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) throw new UserError(o + " applies to an ONNX model: add --model FILE.onnx");
        format = FormatSampleOptions.format(format);
        if (!format.equals("int8") && systolic.dataflow() == SystolicSpec.Dataflow.OS)
            throw new UserError("--format " + format + " runs on the weight-stationary array only: use --systolic " + systolic.rows() + "x"
                    + systolic.cols() + ",ws (output-stationary is int8 only)");
        TechTable techTable = tech.table();
        var preset = memory.resolve(techTable, BenchSetup.BUS_BYTES);
        var parsed = spec.commandLine().getParseResult();
        if (preset != null) {
            if (!parsed.hasMatchedOption("--offchip-bw")) offchipBw = preset.bytesPerCycle();
            if (!parsed.hasMatchedOption("--offchip-latency")) offchip.latency = preset.latencyCycles();
            techTable = MemoryOption.apply(techTable, preset);
        }
        BenchSetup.checkBandwidth(offchipBw, "--offchip-bw");
        if (jobs != null && jobs < 1) throw new UserError("--jobs must be >= 1, got " + jobs);
        CoreBench.checkMaxCycles(maxCycles);
        TreeSet<Integer> bws = sweepBandwidths(sweep);
        bws.add(offchipBw);
        SampleMode sampleMode = FormatSampleOptions.sample(sample, format, parsed.hasMatchedOption("--sample"), "layers");
        BenchSetup setup = offchip.setup(new BuildOptions(false, true)).withSample(sampleMode);
        ReportWriter.checkTarget(html);
        if (json != null) JsonFiles.checkTarget(json);
        List<WorkloadSet.Entry> entries = WorkloadSet.load(workload, scale);
        Random rnd = new Random(data.seed);
        List<LayerTensors> tensors = new ArrayList<>();
        for (WorkloadSet.Entry e : entries) tensors.add(LayerTensors.of(e.layer(), data.data, rnd));

        Progress progress = new Progress((2L * bws.size() + simts.size() - 1) * entries.size());
        List<SimtSpec> variants = simts.subList(1, simts.size());
        System.out.printf("rtlbench compare: %d layer(s), systolic %s vs SIMT %s%s, %s, off-chip %d B/cycle%s (sweep %s), tech %s, data %s%n",
                entries.size(), systolic, simt, variants.isEmpty() ? "" : " (+ GPU variants " + variants + ")", format, offchipBw,
                preset == null ? "" : " (" + preset.memory() + " share " + String.format("%.1f", preset.shareBytesPerCycle()) + " B/cycle)",
                bws, techTable.name(), data.data);
        System.out.println("building both emulators (toggle-counting; cached after the first run)...");
        final String fmt = format;
        List<GemmJob> layerJobs = tensors.stream().map(t -> t.job(fmt)).toList();
        List<LayerPool.Task> tasks = new ArrayList<>();
        for (int bw : bws.descendingSet())
            for (int i = 0; i < entries.size(); i++)
                for (int c = 0; c < 2; c++) tasks.add(new LayerPool.Task(c, bw, i));
        for (int v = 0; v < variants.size(); v++)
            for (int i = 0; i < entries.size(); i++) tasks.add(new LayerPool.Task(2 + v, offchipBw, i));
        List<io.rtlbench.testbenches.bench.CoreSpec> specs = new ArrayList<>(List.of(systolic, simt));
        specs.addAll(variants);
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        var results = new LayerPool(specs, setup, layerJobs, techTable, maxCycles, data.seed)
                .run(tasks, threads, (t, r, seconds) -> progress.done(entries.get(t.layer()).name(), t.bandwidth(), specs.get(t.core()).core()
                        + (t.core() > 1 ? " " + specs.get(t.core()).label() : ""), r, seconds));
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
                sysRuns, gpuRuns, data, format, preset == null ? null : preset.memory());
        List<CompareResult.GpuVariant> gpuVariants = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            List<CoreRun> runs = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) runs.add(results.get(new LayerPool.Task(2 + v, offchipBw, i)));
            gpuVariants.add(Aggregate.variant(variants.get(v), runs, entries, result.systolic()));
        }
        System.out.println("estimating area (Yosys gate counts, cached, and SRAM capacities)...");
        var silicon = Silicon.estimate(systolic, simt, setup, layerJobs, techTable, result, offchipBw, gpuVariants);
        result = result.withExtras(preset, silicon, gpuVariants.isEmpty() ? null : gpuVariants);
        if (format.equals("int8")) result = endToEnd(result, setup);
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
        if (simts.size() > 1 || !simt.singleScalarCore())
            throw new UserError("--model runs one single-core scalar SIMT configuration (e.g. --simt 4x8); datapaths and GPU variants "
                    + "apply to workloads");
        for (String o : List.of("--workload", "--scale", "--sweep-bw", "--data", "--jobs", "--offchip-latency", "--format", "--memory"))
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

        void done(String layer, int bw, String core, CoreRun r, double seconds) {
            done++;
            double elapsed = (System.nanoTime() - start) / 1e9, eta = elapsed / done * (total - done);
            System.out.printf("[%3d/%d] bw %2d B/c  %-26s %-8s %,14d cycles  %s  in %5.1f s  %6.1f s elapsed  ETA %s%n", done, total, bw, layer,
                    core, r.totalCycles(), r.verified() ? "ok      " : "MISMATCH", seconds, elapsed,
                    eta < 60 ? String.format("%.0f s", eta) : String.format("%dm%02ds", (long) eta / 60, (long) eta % 60));
        }
    }
}
