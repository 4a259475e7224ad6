package io.rtlbench.tools;

import io.rtlbench.testbenches.demo.MacGridDriver;
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
import picocli.CommandLine.Option;

/**
 * {@code rtlbench bench emulator}: simulated cycles/s of the demo MAC grid driven three ways, all in
 * one run on the same stimulus: (a) per-cycle poke/step/peek through JNA, (b) the batched API (one
 * JNA call per chunk of cycles), (c) the same loop in C++ timed natively. Rounds of (b) and (c)
 * alternate so machine noise hits both. Also times a cold build (empty cache) and a cached one.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Cycles/s via per-cycle JNA, batched JNA and a native C++ loop; cold and cached build times.")
public final class EmulatorBench implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "16", description = "MAC grid rows (default ${DEFAULT-VALUE})")
    int rows;
    @Option(names = "--cols", defaultValue = "16", description = "MAC grid columns (default ${DEFAULT-VALUE})")
    int cols;
    @Option(names = "--cycles", defaultValue = "400000", description = "cycles per batched/native measurement (default ${DEFAULT-VALUE})")
    int cycles;
    @Option(names = "--per-cycle-cycles", defaultValue = "20000", description = "cycles for the per-cycle JNA measurement (default ${DEFAULT-VALUE})")
    int perCycleCycles;
    @Option(names = "--rounds", defaultValue = "5", description = "alternating rounds of (b) and (c) (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--chunk", defaultValue = "4096", description = "cycles per batched JNA call (default ${DEFAULT-VALUE})")
    int chunk;
    @Option(names = "--json", description = "write the results as JSON to this file")
    Path json;

    @Override public Integer call() throws IOException {
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
                Result out = measure(sim, cold, cached);
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

    private Result measure(Simulator sim, double cold, double cached) {
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
