package io.rtlbench.tools.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.bench.SimtBench;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicBench;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.simt.Elf;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.Workload;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.LayerSpec;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.tools.RunCommand;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.model.ModelComparison;
import io.rtlbench.tools.model.ModelResult;
import io.rtlbench.tools.results.Energy;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * {@code rtlbench run}: checks every option first (conflicting or ignored options are errors), builds
 * the core once through {@link CoreBench}, runs the workload (or, on the SIMT core, an ELF) with the
 * VCD window and energy counting the options ask for, prints the results and writes the JSON.
 */
public final class CoreRunner {
    private final RunCommand o;

    public CoreRunner(RunCommand o) { this.o = o; }

    public int run() {
        try (var prefetch = GateCounts.prefetchWithBuilds()) {  // with --energy, Yosys alongside the emulator build and run
            return runChecked();
        }
    }

    private int runChecked() {
        CoreSpec spec = spec();
        if (o.elf != null && spec instanceof SystolicSpec) throw new UserError("--elf runs a program on the SIMT core; use --core simt");
        if (o.elf != null && o.given("--workload")) throw new UserError("--elf and --workload exclude each other: the ELF is the workload");
        if (o.elf != null && o.energy) throw new UserError("--energy measures a workload; it is not available with --elf");
        if (o.given("--tech") && !o.energy) throw new UserError("--tech selects the energy model's table; add --energy");
        if (o.vcd == null && (o.scopes != null || o.given("--from") || o.given("--to")))
            throw new UserError("--scope, --from and --to shape the VCD dump; add --vcd FILE");
        if (o.vcd != null) {
            JsonFiles.checkTarget(o.vcd);
            if (o.vcdFrom < 0 || o.vcdTo <= o.vcdFrom) throw new UserError("--to must be greater than --from (and --from >= 0)");
        }
        JsonFiles.checkTarget(o.json);
        CoreBench.checkMaxCycles(o.maxCycles);
        int bw = BenchSetup.checkBandwidth(o.offchipBandwidth == null ? BenchSetup.BUS_BYTES : o.offchipBandwidth, "--offchip-bw");
        TechTable tech = o.energy ? o.tech.table() : null;
        BenchSetup setup = o.offchip.setup(new BuildOptions(o.vcd != null, o.energy));
        RunOptions.checkWorkloadOnly(o);
        if (o.model != null) return model(spec, bw, tech);
        for (String opt : List.of("--input", "--calibrate", "--shape", "--per-tensor", "--uint8", "--save-quantized"))
            if (o.given(opt)) throw new UserError(opt + " applies to an ONNX model: add --model FILE.onnx");
        return o.elf != null ? elf((SimtSpec) spec, setup, bw) : workload(spec, setup, bw, tech);
    }

    /** {@code run --model}: the model on this core alone, layer by layer, verified (and with --energy, energy per layer). */
    private int model(CoreSpec spec, int bw, TechTable tech) {
        if (o.elf != null || o.given("--workload") || o.vcd != null)
            throw new UserError("--model runs an ONNX model; it does not combine with --elf, --workload or --vcd");
        ModelPlan plan = o.modelOptions.load(o.model, o.data.seed);
        var inputs = o.modelOptions.inputs(plan, o.data.seed);
        SystolicSpec sys = spec instanceof SystolicSpec s ? s : SystolicSpec.of(o.rows, o.cols, o.dataflow);
        SimtSpec simt = spec instanceof SimtSpec s ? s : SimtSpec.of(o.warps, o.threads);
        if (!simt.singleScalarCore())
            throw new UserError("--model runs one single-core scalar SIMT configuration (e.g. --simt 4x8); datapaths and cores apply to workloads");
        ModelResult r = ModelComparison.run(o.model, plan, inputs, String.join(",", o.modelOptions.inputLabel()), sys, simt, bw, tech,
                o.data.seed, o.maxCycles, spec instanceof SystolicSpec ? ModelPlan.Core.SYSTOLIC : ModelPlan.Core.SIMT, System.out::println);
        System.out.print(ModelComparison.table(r));
        if (o.json != null) JsonFiles.write(o.json, r);
        if (!r.verified()) System.err.println("rtlbench: a layer did not verify; see the mismatches in the JSON");
        return r.verified() ? 0 : 1;
    }

    private CoreSpec spec() {
        return switch (o.core) {
            case "systolic" -> {
                if (o.simt != null) throw new UserError("--simt describes the SIMT core; use --core simt (or drop --simt)");
                yield SystolicSpec.of(o.rows, o.cols, o.dataflow);
            }
            case "simt" -> RunOptions.simtSpec(o);
            default -> throw new UserError("unknown core '" + o.core + "': use --core systolic or --core simt");
        };
    }

    private int workload(CoreSpec spec, BenchSetup setup, int bw, TechTable tech) {
        if (spec instanceof SimtSpec && !(LayerSpec.parse(o.workload).shape() instanceof Layer.Gemm))
            throw new UserError("the SIMT core runs gemm:M,K,N workloads; conv layers run on the systolic core (or through compare)");
        String format = RunOptions.format(o, spec);
        SampleMode sample = RunOptions.sample(o, format);
        Workload w = Workload.parse(o.workload, o.data.seed, o.data.data);
        GemmJob job = format.equals("int8") ? w.job() : new LayerTensors(w.job().a(), w.job().b()).job(format);
        long t0 = System.nanoTime();
        try (CoreBench bench = CoreBench.open(spec, setup.withSample(sample), List.of(job))) {
            bench.offchipBandwidth(bw);
            Vcd vcd = Vcd.open(o, bench.simulator());
            LayerOutcome r = sample.kind() == SampleMode.Kind.OFF ? LayerOutcome.full(bench, job, o.maxCycles, tech)
                    : LayerOutcome.sampled(bench, job, o.maxCycles, tech, o.data.seed);
            String vcdFile = vcd.close();
            Energy energy = null;
            if (r.energy() != null) {
                System.out.print(r.energy().table(8));
                energy = Energy.of(r.energy(), r.sampling().sampled() ? 0 : 16);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Object json = bench instanceof SystolicBench s ? systolic(s, job, format, r, vcdFile, energy, seconds, bw)
                    : simt((SimtBench) bench, job, format, r, vcdFile, energy, bw);
            if (bench instanceof SystolicBench) print(json);  // the SIMT core printed its summary line already
            if (r.samplingLine() != null) System.out.println(r.samplingLine());
            if (o.json != null) JsonFiles.write(o.json, json);
            if (!r.verified()) System.err.println("rtlbench: MISMATCH (seed " + o.data.seed + "): " + r.firstMismatch());
            return r.verified() ? 0 : 1;
        }
    }

    private RunJson.Systolic systolic(SystolicBench b, GemmJob job, String format, LayerOutcome r, String vcd, Energy energy, double seconds,
                                      int bw) {
        var cfg = b.config();
        double peak = b.peakMacsPerCycle();
        var c = new RunJson.SystolicConfigJson(cfg.rows(), cfg.cols(), b.spec().dataflow().name().toLowerCase(Locale.ROOT),
                cfg.memories().spadRows(), cfg.memories().accRows(), cfg.busBytes(), bw, cfg.offchip().latencyCycles());
        long macs = r.counters().get("macs");
        return new RunJson.Systolic("systolic", o.workload, format, o.data.seed, c, r.verified(), r.firstMismatch(), r.sampling(), job.m(),
                job.k(), job.n(), job.macs(), r.counters(), macs / (peak * r.totalCycles()), macs / (peak * Math.max(1, r.computeCycles())),
                r.offchipBytes(), seconds, vcd, energy == null ? null : o.data.data.toString(), energy);
    }

    private RunJson.Simt simt(SimtBench b, GemmJob job, String format, LayerOutcome r, String vcd, Energy energy, int bw) {
        var c = r.counters();
        double macsPerCycle = (double) r.macs() / r.totalCycles(), utilization = r.macs() / (b.peakMacsPerCycle() * r.totalCycles());
        System.out.printf("SIMT %s gemm %dx%dx%d %s (seed %d): %s, %d cycles, %d compute cycles, IPC %.3f, %.3f MACs/cycle, utilization %.1f%%,"
                        + " off-chip %d B%n", b.label(), job.m(), job.k(), job.n(), format, o.data.seed, r.verified() ? "verified bit-exactly"
                        : "MISMATCH: " + r.firstMismatch(), r.totalCycles(), r.computeCycles(), r.ipc(), macsPerCycle, 100 * utilization,
                r.offchipBytes());
        SimtSpec s = b.spec();
        return new RunJson.Simt("simt", s.warps(), s.threads(), s.label(), s.cores(), s.datapath().label(), r.totalCycles(), r.computeCycles(),
                r.offchipBytes(), r.bytesRead(), r.bytesWritten(), r.ipc(), (double) c.get("thread_instructions") / r.totalCycles(),
                c.get("warp_instructions"), c.get("thread_instructions"), r.stalls(), c.get("divergent_branches"),
                new RunJson.OffChip(BenchSetup.BUS_BYTES, bw, b.config().offchip().latencyCycles()), null, null, o.workload, format, o.data.seed,
                r.verified(), r.firstMismatch(), r.sampling(), r.macs(), utilization, macsPerCycle, vcd,
                energy == null ? null : o.data.data.toString(), energy);
    }

    private int elf(SimtSpec spec, BenchSetup setup, int bw) {
        if (!Files.isRegularFile(o.elf)) throw new UserError("no such ELF file: " + o.elf);
        Elf elf = Elf.read(o.elf);
        if (!elf.symbols().containsKey("tohost"))
            System.err.println("rtlbench: warning: " + o.elf + " has no 'tohost' symbol; the run ends when every warp stops");
        try (SimtBench bench = (SimtBench) CoreBench.open(spec, setup, List.of(new GemmJob(new byte[1][1], new byte[1][1], null, null)))) {
            bench.offchipBandwidth(bw);
            Vcd vcd = Vcd.open(o, bench.simulator());
            SimtMachine.Result r = bench.runElf(o.elf, o.maxCycles);
            String vcdFile = vcd.close();
            String verdict = r.tohost() == 1 ? "PASS" : r.tohost() == 0 ? "no tohost write"
                    : (r.tohost() & 1) == 1 ? "FAIL: test " + (r.tohost() >> 1) : "FAIL";
            System.out.printf("tohost = %d (%s); %d cycles, %d warp instructions, IPC %.3f on %s%n", r.tohost(), verdict, r.cycles(),
                    r.warpInstrs(), r.ipc(), spec.label());
            if (o.json != null) {
                JsonFiles.write(o.json, new RunJson.Simt("simt", spec.warps(), spec.threads(), spec.label(), spec.cores(),
                        spec.datapath().label(), r.cycles(), r.mulCycles(),
                        r.bytesRead() + r.bytesWritten(), r.bytesRead(), r.bytesWritten(), r.ipc(), r.threadIpc(), r.warpInstrs(),
                        r.threadInstrs(), SimtBench.stallsOf(r), r.divergentBranches(), new RunJson.OffChip(BenchSetup.BUS_BYTES, bw,
                        bench.config().offchip().latencyCycles()), o.elf.toString(), r.tohost(), null, null, null, r.tohost() == 1, null,
                        null, null, null, null, vcdFile, null, null));
            }
            return r.tohost() == 1 ? 0 : 1;
        }
    }

    /** The run's scalar results, one per line (objects such as breakdown are in the JSON). */
    private static void print(Object json) {
        JsonNode tree = JsonFiles.mapper().valueToTree(json);
        tree.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode()) return;
            JsonNode v = e.getValue();
            System.out.printf(Locale.ROOT, "%-26s %s%n", e.getKey(), v.isFloatingPointNumber() ? String.format(Locale.ROOT, "%.4f", v.asDouble()) : v.asText());
        });
    }

    /** The VCD window of a run: scopes checked against the design before it starts, the window checked after. */
    private record Vcd(RunCommand o, Simulator sim) {
        static Vcd open(RunCommand o, Simulator sim) {
            if (o.vcd != null) {
                if (o.scopes != null) sim.traceScopes(o.scopes);
                sim.traceWindow(o.vcd, o.vcdFrom, o.vcdTo);
            }
            return new Vcd(o, sim);
        }

        /** Closes the file; a window that the run never reached is an error, not a file that was never written. */
        String close() {
            if (o.vcd == null) return null;
            sim.traceClose();
            long end = sim.cycle();
            if (end <= o.vcdFrom) {
                try {
                    Files.deleteIfExists(o.vcd);
                } catch (java.io.IOException ignored) {
                    // nothing useful was written anyway
                }
                throw new UserError(String.format("the run ended at cycle %d, before the VCD window [--from %d, --to %d) opened; nothing was"
                        + " dumped (pick a window inside 0..%d)", end, o.vcdFrom, o.vcdTo, end));
            }
            System.out.printf("VCD of cycles [%d, %d): %s%n", o.vcdFrom, Math.min(o.vcdTo, end), o.vcd);
            return o.vcd.toString();
        }
    }
}
