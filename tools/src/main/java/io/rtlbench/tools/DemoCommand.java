package io.rtlbench.tools;

import io.rtlbench.testbenches.demo.MacGridDriver;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.cli.UserError;
import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.testbenches.demo.MatMulGolden;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rtlbench demo}: the spine end to end. Elaborates the INT8 MAC grid from Java, builds its
 * Verilator emulator, multiplies random matrices through the batched JNA API and checks every
 * element against the Java golden model.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Multiply random INT8 matrices on the demo MAC grid and verify them bit-exactly.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "8", description = "grid rows (default ${DEFAULT-VALUE})")
    int rows;
    @Option(names = "--cols", defaultValue = "8", description = "grid columns (default ${DEFAULT-VALUE})")
    int cols;
    @Option(names = "--k", defaultValue = "64", description = "inner dimension of the product (default ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--count", defaultValue = "10", description = "how many random products (default ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--json", description = "write the results as JSON to this file")
    Path json;
    @Option(names = "--vcd", description = "dump a VCD of cycles [--from, --to) to this file (a trace build; look with 'rtlbench wave')")
    Path vcd;
    @Option(names = "--from", defaultValue = "0", description = "first cycle of the VCD window (default ${DEFAULT-VALUE})")
    long vcdFrom;
    @Option(names = "--to", defaultValue = "2000", description = "end cycle (exclusive) of the VCD window (default ${DEFAULT-VALUE})")
    long vcdTo;

    /** The demo's JSON. */
    record Result(String design, boolean verified, int products, long macs, long totalCycles, long seed) {}

    @Override public Integer call() {
        if (k < 1 || count < 1) throw new UserError("--k and --count must be >= 1");
        JsonFiles.checkTarget(json);
        if (vcd != null) JsonFiles.checkTarget(vcd);
        long t0 = System.nanoTime();
        var design = MacGridDriver.design(rows, cols);
        double elaborateS = (System.nanoTime() - t0) / 1e9;
        Random rnd = new Random(seed);
        int verified = 0;
        long cycles = 0;
        try (Simulator sim = Simulator.create(design, vcd == null ? BuildOptions.PLAIN : new BuildOptions(true, false))) {
            if (vcd != null) sim.traceWindow(vcd, vcdFrom, vcdTo);
            sim.reset(2);
            MacGridDriver driver = new MacGridDriver(sim, rows, cols);
            for (int n = 0; n < count; n++) {
                byte[][] a = MatMulGolden.random(rnd, rows, k), b = MatMulGolden.random(rnd, k, cols);
                String mismatch = MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), driver.multiply(a, b));
                if (mismatch != null) {
                    System.out.printf("MISMATCH in product %d (seed %d): %s%n", n, seed, mismatch);
                    return 1;
                }
                verified++;
                cycles += driver.lastCycles;
            }
            System.out.printf("MAC grid %dx%d: %d random INT8 products (%dx%d x %dx%d) verified bit-exactly, %d cycles, %.2f MACs/cycle%n",
                    rows, cols, verified, rows, k, k, cols, cycles, (double) verified * rows * cols * k / cycles);
            System.out.printf("elaboration %.2f s, emulator build %.2f s (%s)%n", elaborateS, sim.build().seconds(),
                    sim.build().cached() ? "cached" : "built");
            if (vcd != null) {
                sim.traceClose();
                System.out.printf("VCD of cycles %d..%d: %s (try: rtlbench wave list %s)%n", vcdFrom, Math.min(vcdTo, sim.cycle()) - 1, vcd, vcd);
            }
            if (json != null) JsonFiles.write(json, new Result("MacGrid " + rows + "x" + cols, true, verified, (long) verified * rows * cols * k,
                    cycles, seed));
        }
        return 0;
    }
}
