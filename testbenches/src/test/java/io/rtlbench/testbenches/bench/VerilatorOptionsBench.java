package io.rtlbench.testbenches.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.SystolicCompiler;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.testbenches.systolic.SystolicProgram;
import io.rtlbench.testbenches.systolic.SystolicSizing;
import io.rtlbench.testbenches.systolic.WeightStructure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Verilator's tuning flags measured on the two cores (emulated cycles per CPU second of the plain
 * build, a GEMM on the 16x16 WS systolic SoC and on the 4x8 SIMT SoC), as ratios against the
 * current flags, in one run: each variant runs in its own JVM ({@code -Drtlbench.verilator.tuning},
 * read once per JVM), builds first (untimed), then the variants alternate for {@code ROUNDS} timed
 * rounds and each keeps its best round. CPU time of the process, not wall time: on a machine shared
 * with other jobs wall time varies by tens of percent between identical runs. Results go to stdout
 * and {@code target/verilator-options.txt}.
 */
@Tag("slow")
class VerilatorOptionsBench {
    /**
     * The variants. {@code --threads 2} was measured too and dropped from the list: on the 2-core VM
     * shared with other jobs, the 16x16 systolic SoC built with it ran under 500 cycles/s (three
     * 131,773-cycle runs did not finish in 15 minutes; Verilator's worker threads spin-wait for each
     * other), against 45,000-130,000 cycles/s single-threaded in the same session.
     */
    static final String[] VARIANTS = {"-O3 --x-assign fast --x-initial fast", "--x-assign fast --x-initial fast", "-O3"};
    static final int ROUNDS = Integer.getInteger("rtlbench.bench.rounds", 2);

    @Test void measure() throws Exception {
        Map<String, double[]> best = new LinkedHashMap<>();  // variant -> cycles/s {systolic, simt}
        for (int round = 0; round <= ROUNDS; round++)
            for (String v : VARIANTS) {
                double[] r = child(v);
                if (round == 0) continue;  // the build round
                best.merge(v, r, (a, b) -> new double[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
            }
        double[] base = best.get(VARIANTS[0]);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "| Verilator tuning | systolic 16x16 cycles per CPU s | ratio | SIMT 4x8 cycles per CPU s | ratio |%n|---|---|---|---|---|%n"));
        for (var e : best.entrySet())
            out.append(String.format(Locale.ROOT, "| `%s` | %,.0f | %.3f | %,.0f | %.3f |%n", e.getKey(), e.getValue()[0], e.getValue()[0] / base[0],
                    e.getValue()[1], e.getValue()[1] / base[1]));
        System.out.print(out);
        Files.writeString(Path.of("target", "verilator-options.txt"), out);
        assertTrue(base[0] > 0 && base[1] > 0);
    }

    /** Runs the workloads in a JVM with the given tuning; returns {systolic, simt} cycles/s. */
    static double[] child(String tuning) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m",
                "-Drtlbench.verilator.tuning=" + tuning, "-cp", System.getProperty("java.class.path"), VerilatorOptionsBench.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        double[] r = new double[2];
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println("  [" + tuning + "] " + line);
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    r[f[1].equals("systolic") ? 0 : 1] = Double.parseDouble(f[2]);
                }
            }
        }
        if (p.waitFor() != 0) throw new IllegalStateException("bench child for '" + tuning + "' failed");
        return r;
    }

    /** Child: builds both SoCs with this JVM's tuning, then times the runs. */
    public static void main(String[] args) {
        Random rnd = new Random(1);
        SystolicConfig base = SystolicConfig.of(16, 16, SystolicConfig.Dataflow.WS);
        GemmJob job = new GemmJob(GemmGolden.random(rnd, 1024, 256), GemmGolden.random(rnd, 256, 128), null, null);
        SystolicConfig cfg = SystolicSizing.requirements(base, job, WeightStructure.DENSE).applyTo(base);
        SystolicProgram prog = SystolicCompiler.compile(cfg, job);
        try (SystolicDriver d = new SystolicDriver(cfg)) {
            long t0 = cpuNanos(), cycles = 0;
            for (int i = 0; i < 3; i++) cycles += d.run(prog, 10_000_000).get("total_cycles");
            System.out.printf(Locale.ROOT, "RESULT systolic %.1f%n", cycles / ((cpuNanos() - t0) / 1e9));
        }
        byte[][] a = GemmGolden.random(rnd, 48, 64), b = GemmGolden.random(rnd, 64, 48);
        try (SimtMachine m = new SimtMachine(SimtConfig.of(4, 8))) {
            long t0 = cpuNanos(), cycles = 0;
            for (int i = 0; i < 2; i++) cycles += SimtKernels.gemm(m, a, b, 50_000_000).counters().cycles();
            System.out.printf(Locale.ROOT, "RESULT simt %.1f%n", cycles / ((cpuNanos() - t0) / 1e9));
        }
    }

    /** CPU time of this process (all threads, Verilator's included), ns. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
