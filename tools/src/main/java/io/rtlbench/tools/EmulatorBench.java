package io.rtlbench.tools;

import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.demo.MacGridDriver;
import io.rtlbench.testbenches.systolic.Workload;
import io.rtlbench.tools.bench.CoreSpeed;
import io.rtlbench.tools.cli.SpecConverters;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.emulator.Batch;
import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.EmulatorBuild;
import io.rtlbench.emulator.Signal;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.emulator.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtlbench bench emulator}: simulated cycles/s. {@code --core grid} (the default): the demo MAC
 * grid driven three ways, all in one run on the same stimulus: (a) per-cycle poke/step/peek through
 * JNA, (b) the batched API (one JNA call per chunk of cycles), (c) the same loop in C++ timed
 * natively. Rounds of (b) and (c) alternate so machine noise hits both. Also times a cold build
 * (empty cache) and a cached one. {@code --core simt|systolic}: a whole core running a GEMM, plain
 * and toggle-counting builds, JNA vs native ({@link CoreSpeed}).
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Cycles/s via per-cycle JNA, batched JNA and a native C++ loop; cold and cached build times (--core grid); "
                + "a core running a GEMM: plain, toggle-counting and native cycles/s (--core simt|systolic).")
public final class EmulatorBench implements Callable<Integer> {
    static final List<String> CORES = List.of("grid", "simt", "systolic");
    static final int GRID_CYCLES = 400_000, CORE_CYCLES = 100_000;
    static final String SIMT_WORKLOAD = "gemm:64,64,64", SYSTOLIC_WORKLOAD = "gemm:512,512,512";

    @Option(names = "--core", defaultValue = "grid", description = "grid (the demo MAC grid), simt or systolic (default ${DEFAULT-VALUE})")
    String core;
    @Option(names = "--simt", defaultValue = "4x8", converter = SpecConverters.Simt.class,
            description = "--core simt: [CORESx]WARPSxTHREADS[,scalar|dp4a|tensor] (default ${DEFAULT-VALUE})")
    SimtSpec simt;
    @Option(names = "--systolic", defaultValue = "16x16,ws", converter = SpecConverters.Systolic.class,
            description = "--core systolic: RxC[,ws|os] (default ${DEFAULT-VALUE})")
    SystolicSpec systolic;
    @Option(names = "--workload", description = "--core simt|systolic: the GEMM it runs, gemm:M,K,N (default " + SIMT_WORKLOAD
            + " on simt, " + SYSTOLIC_WORKLOAD + " on systolic; systolic also takes conv:H,W,CIN,COUT,K,STRIDE,PAD)")
    String workload;
    @Option(names = "--rows", defaultValue = "16", description = "--core grid: MAC grid rows (default ${DEFAULT-VALUE})")
    int rows;
    @Option(names = "--cols", defaultValue = "16", description = "--core grid: MAC grid columns (default ${DEFAULT-VALUE})")
    int cols;
    @Option(names = "--cycles", description = "cycles per batched/native measurement (default " + GRID_CYCLES + " on grid, "
            + CORE_CYCLES + " on simt/systolic, capped to the workload's length)")
    Integer cycles;
    @Option(names = "--per-cycle-cycles", defaultValue = "20000", description = "--core grid: cycles for the per-cycle JNA measurement (default ${DEFAULT-VALUE})")
    int perCycleCycles;
    @Option(names = "--rounds", defaultValue = "5", description = "alternating rounds of (b) and (c) (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--chunk", defaultValue = "4096", description = "cycles per batched JNA call (default ${DEFAULT-VALUE})")
    int chunk;
    @Option(names = "--json", description = "write the results as JSON to this file")
    Path json;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        if (!CORES.contains(core)) throw new UserError("unknown --core '" + core + "': use grid, simt or systolic");
        for (String option : List.of("--rows", "--cols", "--per-cycle-cycles", "--simt", "--systolic", "--workload"))
            if (given(option) && !appliesTo(option, core))
                throw new UserError(option + " does not apply to --core " + core + " (see: rtlbench bench emulator --help)");
        if (core.equals("grid")) return grid(cycles == null ? GRID_CYCLES : cycles);
        int n = cycles == null ? CORE_CYCLES : cycles;
        if (n < 1 || chunk < 1 || rounds < 1) throw new UserError("need --cycles >= 1, --chunk >= 1, --rounds >= 1");
        CoreSpec coreSpec = core.equals("simt") ? simt : systolic;
        String w = workload != null ? workload : core.equals("simt") ? SIMT_WORKLOAD : SYSTOLIC_WORKLOAD;
        var job = Workload.parse(w, 1).job();
        if (core.equals("simt") && (job.bias() != null || job.requant() != null))
            throw new UserError("--workload: the SIMT core runs gemm:M,K,N here, not '" + w + "'");
        JsonFiles.checkTarget(json);
        CoreSpeed.Result r = CoreSpeed.measure(new CoreSpeed.Settings(coreSpec, w, job, n, rounds, chunk, 2_000_000_000L), System.out);
        System.out.printf("%s %s running %s (%,d cycles, verified), %,d cycles measured per way%n", r.core(), r.spec(), r.workload(),
                r.workloadCycles(), r.measuredCycles());
        System.out.printf("  plain build, batched JNA        : %,12.0f cycles/s%n", r.cyclesPerSPlain());
        System.out.printf("  plain build, native C++ loop    : %,12.0f cycles/s%n", r.cyclesPerSNative());
        System.out.printf("  JNA/native ratio                : %12.3f%n", r.jnaNativeRatio());
        System.out.printf("  toggle-counting build, JNA      : %,12.0f cycles/s (%.2fx slower)%n", r.cyclesPerSToggles(), r.toggleSlowdown());
        if (json != null) JsonFiles.write(json, r);
        return 0;
    }

    private boolean given(String option) { return spec != null && spec.commandLine().getParseResult().hasMatchedOption(option); }

    private static boolean appliesTo(String option, String core) {
        return switch (option) {
            case "--rows", "--cols", "--per-cycle-cycles" -> core.equals("grid");
            case "--simt" -> core.equals("simt");
            case "--systolic" -> core.equals("systolic");
            default -> !core.equals("grid");
        };
    }

    private int grid(int cycles) throws IOException {
        if (cycles < chunk || rounds < 1 || perCycleCycles < 1) throw new UserError("need --cycles >= --chunk, --rounds >= 1");
        Design design = MacGridDriver.design(rows, cols);
        JsonFiles.checkTarget(json);
        Path coldCache = Files.createTempDirectory("rtlbench-cold-cache-");
        try {
            System.out.printf("cold build of MacGrid %dx%d (empty cache %s)...%n", rows, cols, coldCache);
            double cold = EmulatorBuild.build(design, BuildOptions.PLAIN, coldCache).seconds();
            EmulatorBuild.Result hit = EmulatorBuild.build(design, BuildOptions.PLAIN, coldCache);
            if (!hit.cached()) throw new IllegalStateException("second build was not a cache hit");
            double cached = hit.seconds();
            try (Simulator sim = Simulator.create(design, BuildOptions.PLAIN, coldCache)) {
                Result out = measure(sim, cycles, cold, cached);
                print(out);
                if (json != null) JsonFiles.write(json, out);
            }
        } finally {
            FileUtils.deleteDirectory(coldCache.toFile());
        }
        return 0;
    }

    /** Cycles per second of each way of driving the emulator; build times in seconds. */
    record Result(String design, int inputsPerCycle, int outputsPerCycle, double perCycleJna, double batchedJna, double nativeLoop,
                  double ratio, long simulatedCycles, long checksum, double coldBuildS, double cachedBuildS) {}

    private Result measure(Simulator sim, int cycles, double cold, double cached) {
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        for (int i = 0; i < rows; i++) in.add("io_a_" + i);
        for (int j = 0; j < cols; j++) in.add("io_b_" + j);
        for (int j = 0; j < cols; j++) out.add("io_acc_" + ((rows - 1) * cols + j));  // bottom row
        sim.reset(2);
        Random rnd = new Random(7);
        try (Batch batch = sim.batch(in, out, chunk)) {
            var buf = batch.inputBuffer();
            for (int i = 0; i < chunk * batch.inputRowWords(); i++) buf.put(i, rnd.nextInt(256) - 128);
            int chunks = cycles / chunk;
            long batchedNs = 0, nativeNs = 0, checksum = 0;
            batch.run(chunk);  // warm up both paths
            batch.benchNative(chunk);
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int c = 0; c < chunks; c++) {
                    batch.run(chunk);
                    checksum += batch.get(chunk - 1, 0);
                }
                batchedNs += System.nanoTime() - t0;
                for (int c = 0; c < chunks; c++) nativeNs += batch.benchNative(chunk);
            }
            long simulated = (long) rounds * chunks * chunk;
            double batched = simulated / (batchedNs / 1e9), nat = simulated / (nativeNs / 1e9);

            List<Signal> inSig = in.stream().map(sim::port).toList(), outSig = out.stream().map(sim::port).toList();
            long t0 = System.nanoTime();
            for (int c = 0; c < perCycleCycles; c++) {
                int row = (c % chunk) * batch.inputRowWords();
                for (int i = 0; i < inSig.size(); i++) sim.poke(inSig.get(i), buf.get(row + i));
                sim.step(1);
                for (Signal s : outSig) checksum += sim.peek(s);
            }
            double perCycle = perCycleCycles / ((System.nanoTime() - t0) / 1e9);

            return new Result("MacGrid " + rows + "x" + cols, in.size(), out.size(), perCycle, batched, nat, batched / nat, simulated,
                    checksum, cold, cached);
        }
    }

    private static void print(Result r) {
        System.out.printf("%s, %s inputs and %s outputs per cycle%n", r.design(), r.inputsPerCycle(), r.outputsPerCycle());
        System.out.printf("  (a) per-cycle poke/step/peek via JNA : %,12.0f cycles/s%n", r.perCycleJna());
        System.out.printf("  (b) batched JNA                      : %,12.0f cycles/s%n", r.batchedJna());
        System.out.printf("  (c) native C++ loop                  : %,12.0f cycles/s%n", r.nativeLoop());
        System.out.printf("  ratio (b)/(c)                        : %12.3f%n", r.ratio());
        System.out.printf("  cold build                           : %12.2f s%n", r.coldBuildS());
        System.out.printf("  cached build (hash hit)              : %12.4f s%n", r.cachedBuildS());
    }
}
