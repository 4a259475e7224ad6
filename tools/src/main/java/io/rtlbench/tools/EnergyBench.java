package io.rtlbench.tools;

import io.rtlbench.testbenches.demo.MacGridDriver;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.emulator.Batch;
import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.emulator.Design;
import io.rtlbench.tools.energy.GateCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rtlbench bench energy}: what energy estimation costs. Runs the same batched stimulus on the
 * plain and the toggle-counting build of the demo grid in alternating rounds (slowdown ratio), and
 * times Yosys gate counting cold (empty cache) and cached.
 */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Slowdown of toggle counting (plain vs counting build) and the cost of Yosys gate counts.")
public final class EnergyBench implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "16", description = "MAC grid rows (default ${DEFAULT-VALUE})")
    int rows;
    @Option(names = "--cols", defaultValue = "16", description = "MAC grid columns (default ${DEFAULT-VALUE})")
    int cols;
    @Option(names = "--cycles", defaultValue = "200000", description = "cycles per measurement round (default ${DEFAULT-VALUE})")
    int cycles;
    @Option(names = "--rounds", defaultValue = "5", description = "alternating rounds (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--json", description = "write the results as JSON to this file")
    Path json;

    /** Cycles per second of the plain and the toggle-counting build; Yosys times in seconds. */
    record Result(String design, int counters, double plainCyclesPerS, double countingCyclesPerS, double slowdown, double yosysColdS,
                  double yosysCachedS) {}

    @Override public Integer call() {
        Design design = MacGridDriver.design(rows, cols);
        JsonFiles.checkTarget(json);
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        for (int i = 0; i < rows; i++) in.add("io_a_" + i);
        for (int j = 0; j < cols; j++) in.add("io_b_" + j);
        out.add("io_acc_0");
        int chunk = 4096;
        try (Simulator plain = Simulator.create(design); Simulator counting = Simulator.create(design, new BuildOptions(false, true));
             Batch bp = plain.batch(in, out, chunk); Batch bc = counting.batch(in, out, chunk)) {
            Random rnd = new Random(11);
            for (int i = 0; i < chunk * bp.inputRowWords(); i++) {
                long v = rnd.nextInt(256) - 128;
                bp.inputBuffer().put(i, v);
                bc.inputBuffer().put(i, v);
            }
            counting.enableToggles(true);
            long plainNs = 0, countNs = 0;
            int chunks = Math.max(1, cycles / chunk);
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int c = 0; c < chunks; c++) bp.run(chunk);
                long t1 = System.nanoTime();
                for (int c = 0; c < chunks; c++) bc.run(chunk);
                plainNs += t1 - t0;
                countNs += System.nanoTime() - t1;
            }
            long simulated = (long) rounds * chunks * chunk;
            double[] cold = new double[1], cached = new double[1];
            GateCounts.of(withFreshSalt(design), cold);
            GateCounts.of(withFreshSalt(design), cached);
            Result res = new Result("MacGrid " + rows + "x" + cols, counting.counters().size(), simulated / (plainNs / 1e9),
                    simulated / (countNs / 1e9), (double) countNs / plainNs, cold[0], cached[0]);
            System.out.printf("%s, %d activity counters%n", res.design(), res.counters());
            System.out.printf("  plain build          : %,12.0f cycles/s%n", res.plainCyclesPerS());
            System.out.printf("  toggle-counting build: %,12.0f cycles/s%n", res.countingCyclesPerS());
            System.out.printf("  slowdown             : %12.2fx%n", res.slowdown());
            System.out.printf("  yosys gate counts    : %12.2f s cold, %.4f s cached%n", cold[0], cached[0]);
            if (json != null) JsonFiles.write(json, res);
            return 0;
        }
    }

    /** The same design with a unique comment, so the Yosys cache misses once (a cold measurement). */
    private static Design withFreshSalt(Design d) {
        return d.salted("bench " + SALT);
    }

    private static final long SALT = System.nanoTime();
}
