package io.rtlbench.tools.compare;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.Json;
import io.rtlbench.tools.Main;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    @Option(names = "--systolic", defaultValue = "16x16,ws", description = "systolic array RxC,ws|os (default ${DEFAULT-VALUE})")
    String systolic;
    @Option(names = "--simt", defaultValue = "4x8", description = "SIMT warps x threads (default ${DEFAULT-VALUE})")
    String simt;
    @Option(names = "--offchip-bw", defaultValue = "16", description = "off-chip bandwidth, bytes/cycle, 1..16 (default ${DEFAULT-VALUE})")
    int offchipBw;
    @Option(names = "--offchip-latency", defaultValue = "20", description = "off-chip latency in cycles (default ${DEFAULT-VALUE})")
    int offchipLatency;
    @Option(names = "--sweep-bw", defaultValue = "2,4,16", split = ",", description = "bandwidths for the memory-wall sweep (default ${DEFAULT-VALUE}); empty to skip")
    List<Integer> sweep;
    @Option(names = "--data", defaultValue = "random", description = "tensor contents: random, zeros or sparse:P (default ${DEFAULT-VALUE})")
    String data;
    @Option(names = "--tech", defaultValue = "45nm", description = "technology table: 45nm, 7nm or a FILE (default ${DEFAULT-VALUE})")
    String tech;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--max-cycles", defaultValue = "100000000", description = "cycle limit per layer run (default ${DEFAULT-VALUE})")
    long maxCycles;
    @Option(names = "--json", description = "write the comparison as JSON (objects systolic, simt, ratios, layers)")
    Path json;
    @Option(names = "--html", description = "write the HTML report (charts also as .svg files next to it)")
    Path html;

    @Override public Integer call() {
        OffChipConfig off = OffChipConfig.defaults().withLatency(offchipLatency);
        if (offchipBw < 1 || offchipBw > off.busBytes())
            throw new Main.UserError("--offchip-bw must be 1.." + off.busBytes() + " bytes/cycle; got " + offchipBw);
        for (int b : sweep)
            if (b < 1 || b > off.busBytes()) throw new Main.UserError("--sweep-bw values must be 1.." + off.busBytes() + "; got " + b);
        TechTable techTable = TechTable.of(tech);
        DataPattern pattern = DataPattern.parse(data);
        List<WorkloadSet.Entry> entries = WorkloadSet.load(workload, scale);
        Random rnd = new Random(seed);
        List<LayerTensors> tensors = new ArrayList<>();
        for (WorkloadSet.Entry e : entries) tensors.add(LayerTensors.of(e.layer(), pattern, rnd));
        TreeSet<Integer> bws = new TreeSet<>(sweep);
        bws.add(offchipBw);

        Progress progress = new Progress(2L * entries.size() * bws.size());
        System.out.printf("rtlbench compare: %d layer(s), systolic %s vs SIMT %s, off-chip %d B/cycle (sweep %s), %s, data %s%n",
                entries.size(), systolic, simt, offchipBw, bws, techTable.name(), pattern);
        System.out.println("building both emulators (toggle-counting; cached after the first run)...");
        try (CoreRunner sys = new SystolicRunner(systolic, off, tensors, techTable);
             CoreRunner gpu = new SimtRunner(simt, off, tensors, techTable)) {
            Map<Integer, List<Map<String, Object>>> sysRuns = new LinkedHashMap<>(), gpuRuns = new LinkedHashMap<>();
            for (int bw : bws.descendingSet()) {
                List<Map<String, Object>> s = new ArrayList<>(), g = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    s.add(progress.run(entries.get(i).name(), bw, sys, tensors.get(i), maxCycles));
                    g.add(progress.run(entries.get(i).name(), bw, gpu, tensors.get(i), maxCycles));
                }
                sysRuns.put(bw, s);
                gpuRuns.put(bw, g);
            }
            Map<String, Object> result = CompareResult.build(workload, scale, entries, tensors, sys, gpu, off, offchipBw,
                    techTable, sysRuns, gpuRuns, pattern, seed);
            endToEnd(result, off);
            System.out.print(CompareTable.render(result));
            if (json != null) {
                Json.writeFile(json, result);
                System.out.println("JSON: " + json);
            }
            if (html != null) {
                List<Path> files = ReportWriter.write(result, html);
                System.out.println("HTML report: " + html + " (+" + (files.size() - 1) + " SVG charts)");
            }
            boolean ok = CompareResult.allVerified(result);
            if (!ok) System.err.println("rtlbench: a layer did not verify; see first_mismatch in the JSON");
            return ok ? 0 : 1;
        }
    }

    /** A chained library workload (a whole model) also runs end to end on both cores, requantized between layers. */
    @SuppressWarnings("unchecked")
    private void endToEnd(Map<String, Object> result, OffChipConfig off) {
        if (workload.equals("default") || workload.contains(":")) return;
        var w = io.rtlbench.testbenches.workloads.WorkloadLibrary.load(workload, scale);
        if (!w.chained()) return;
        String[] sysSpec = systolic.toLowerCase().split(",");
        String[] rc = sysSpec[0].split("x"), wt = simt.toLowerCase().split("x");
        var df = sysSpec.length > 1 && sysSpec[1].equals("os") ? io.rtlbench.rtl.systolic.SystolicConfig.Dataflow.OS
                : io.rtlbench.rtl.systolic.SystolicConfig.Dataflow.WS;
        System.out.println("running " + w.name() + " end to end on both cores (INT8 requantized between layers)...");
        var e2e = ModelRun.run(w, new int[] {Integer.parseInt(rc[0]), Integer.parseInt(rc[1])}, df, Integer.parseInt(wt[0]),
                Integer.parseInt(wt[1]), off, seed, maxCycles);
        System.out.printf("end to end: %s, systolic %,d cycles, SIMT %,d cycles (%.1fx)%n",
                Boolean.TRUE.equals(e2e.get("verified")) ? "every layer verified" : "MISMATCH", (long) e2e.get("systolic_cycles"),
                (long) e2e.get("simt_cycles"), (double) e2e.get("speedup"));
        result.put("end_to_end", e2e);
        if (!Boolean.TRUE.equals(e2e.get("verified"))) ((Map<String, Object>) result.get("systolic")).put("verified", false);
    }

    /** Progress lines with the cycles of each run and an ETA from the runs so far. */
    static final class Progress {
        private final long total;
        private long done;
        private final long start = System.nanoTime();

        Progress(long total) { this.total = total; }

        Map<String, Object> run(String layer, int bw, CoreRunner core, LayerTensors t, long maxCycles) {
            long t0 = System.nanoTime();
            Map<String, Object> r = core.run(t, bw, maxCycles);
            done++;
            double elapsed = (System.nanoTime() - start) / 1e9, eta = elapsed / done * (total - done);
            System.out.printf("[%3d/%d] bw %2d B/c  %-26s %-8s %,12d cycles  %s  %5.1f s  ETA %s%n", done, total, bw, layer,
                    core.core(), (long) r.get("total_cycles"), Boolean.TRUE.equals(r.get("verified")) ? "ok      " : "MISMATCH",
                    (System.nanoTime() - t0) / 1e9, eta < 60 ? String.format("%.0f s", eta) : String.format("%dm%02ds", (long) eta / 60, (long) eta % 60));
            return r;
        }
    }
}
