package io.rtlbench.tools.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rtlbench.emulator.Batch;
import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.CycleLimitException;
import io.rtlbench.emulator.Signal;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreHangException;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.bench.GemmRun;
import io.rtlbench.testbenches.systolic.GemmJob;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code rtlbench bench emulator --core simt|systolic}: emulated cycles/s of a whole core (SoC with
 * its memories) while it runs a real workload (a GEMM through {@link CoreBench}, verified against the
 * golden model once per build). Each measurement starts from the same state: the workload loaded
 * and its first cycle run, reached by a run with a 1-cycle limit ({@link CoreBench} has no pause; the
 * limit is the stop). From there the core runs {@code chunks x chunk} cycles, still inside the
 * workload, three ways per round, alternating so that machine noise hits all three: (a) batched JNA
 * calls on the plain build, (b) the same native loop timed inside C++ on the plain build, (c) batched
 * JNA calls on the toggle-counting build with counting on; (a) and (b) swap places every other
 * round. (a) and (b) must end in the same state (every output port compared). Simplification: the stopped-and-restarted workload is only the
 * first {@code T - 1} cycles of it, so a long workload's later phases are not sampled.
 */
public final class CoreSpeed {
    private CoreSpeed() {}

    /** What to measure: cycles per round (capped to the workload), rounds, cycles per native call. */
    public record Settings(CoreSpec spec, String workload, GemmJob job, int cycles, int rounds, int chunk, long maxCycles) {}

    /**
     * The figures (cycles/s are emulated cycles per wall-clock second; seconds are wall-clock).
     *
     * @param cyclesPerSPlain   (a) batched JNA, plain build
     * @param cyclesPerSToggles (c) batched JNA, toggle-counting build, counting on
     * @param cyclesPerSNative  (b) the C++ loop alone, plain build
     * @param jnaNativeRatio    (a) / (b): 1.0 means JNA costs nothing
     * @param toggleSlowdown    (a) / (c)
     * @param measuredCycles    cycles each of (a), (b), (c) ran over all rounds
     * @param runSecondsPlain   the whole verified run on the plain build (loading and read-back included)
     */
    public record Result(String core, String spec, String workload, long workloadCycles, boolean verified,
                         @JsonProperty("cycles_per_s_plain") double cyclesPerSPlain,
                         @JsonProperty("cycles_per_s_toggles") double cyclesPerSToggles,
                         @JsonProperty("cycles_per_s_native") double cyclesPerSNative, double jnaNativeRatio, double toggleSlowdown,
                         long measuredCycles, int rounds, int chunk, double runSecondsPlain, double runSecondsToggles,
                         double buildSecondsPlain, double buildSecondsToggles) {}

    public static Result measure(Settings s, PrintStream log) {
        String name = s.spec().core() + " " + s.spec().label();
        BenchSetup setup = BenchSetup.defaults();
        log.printf("building (or loading from the cache) the plain and the toggle-counting emulator of %s...%n", name);
        try (CoreBench plain = CoreBench.open(s.spec(), setup, List.of(s.job()));
             CoreBench toggles = CoreBench.open(s.spec(), setup.withBuild(new BuildOptions(false, true)), List.of(s.job()))) {
            double[] runSeconds = new double[2];
            long workloadCycles = verifiedRun(plain, s, runSeconds, 0, log);
            if (verifiedRun(toggles, s, runSeconds, 1, log) != workloadCycles)
                throw new IllegalStateException("the toggle-counting build took another number of cycles than the plain one");
            long usable = workloadCycles - 1;  // the first cycle is the starting point
            if (usable < 1) throw new IllegalArgumentException(s.workload() + " takes " + workloadCycles + " cycles: too short to measure");
            int perRound = (int) Math.min(s.cycles(), usable);
            int chunk = Math.min(s.chunk(), perRound), chunks = perRound / chunk;
            if (perRound < s.cycles())
                log.printf("  %s runs %,d cycles: measuring %,d cycles a round (not --cycles %,d)%n", s.workload(), workloadCycles,
                        chunks * chunk, s.cycles());
            long jnaNs = 0, nativeNs = 0, togglesNs = 0;
            try (Batch bp = plain.simulator().batch(List.of(), List.of(), chunk);
                 Batch bt = toggles.simulator().batch(List.of(), List.of(), chunk)) {
                for (int r = 0; r < s.rounds(); r++) {
                    long jna, nat;
                    List<BigInteger> afterJna, afterNative;
                    if (r % 2 == 0) {  // which of (a) and (b) goes first alternates too: no order bias (caches, allocation)
                        jna = jnaBatches(plain, s.job(), bp, chunks, chunk);
                        afterJna = outputs(plain.simulator());
                        nat = nativeLoop(plain, s.job(), bp, chunks, chunk);
                        afterNative = outputs(plain.simulator());
                    } else {
                        nat = nativeLoop(plain, s.job(), bp, chunks, chunk);
                        afterNative = outputs(plain.simulator());
                        jna = jnaBatches(plain, s.job(), bp, chunks, chunk);
                        afterJna = outputs(plain.simulator());
                    }
                    if (!afterJna.equals(afterNative))
                        throw new IllegalStateException("the native loop and the JNA batches ended in different states");
                    long tog = jnaBatches(toggles, s.job(), bt, chunks, chunk);
                    jnaNs += jna;
                    nativeNs += nat;
                    togglesNs += tog;
                    long n = (long) chunks * chunk;
                    log.printf("  round %d/%d: JNA %,.0f, native %,.0f, toggles %,.0f cycles/s%n", r + 1, s.rounds(), perS(n, jna),
                            perS(n, nat), perS(n, tog));
                }
            }
            if (java.util.Arrays.stream(toggles.simulator().counts()).sum() == 0)
                throw new IllegalStateException("the toggle-counting build counted no toggles");
            long measured = (long) s.rounds() * chunks * chunk;
            double jna = perS(measured, jnaNs), nat = perS(measured, nativeNs), tog = perS(measured, togglesNs);
            return new Result(s.spec().core(), s.spec().label(), s.workload(), workloadCycles, true, jna, tog, nat, jna / nat, jna / tog,
                    measured, s.rounds(), chunk, runSeconds[0], runSeconds[1], plain.simulator().build().seconds(),
                    toggles.simulator().build().seconds());
        }
    }

    /** Runs the whole workload once, verified; returns its cycles and stores the wall time in seconds[slot]. */
    private static long verifiedRun(CoreBench bench, Settings s, double[] seconds, int slot, PrintStream log) {
        long t0 = System.nanoTime();
        GemmRun run = bench.run(s.job(), s.maxCycles());
        seconds[slot] = (System.nanoTime() - t0) / 1e9;
        if (!run.verified()) throw new IllegalStateException(s.workload() + " on " + bench.label() + " does not match the golden model: "
                + run.firstMismatch());
        log.printf("  verified run (%s build): %s, %,d cycles in %.2f s%n", slot == 0 ? "plain" : "toggle-counting", s.workload(),
                run.totalCycles(), seconds[slot]);
        return run.totalCycles();
    }

    /** Wall-clock nanoseconds of {@code chunks} batched JNA calls, started one cycle into the workload. */
    private static long jnaBatches(CoreBench bench, GemmJob job, Batch batch, int chunks, int chunk) {
        atWorkloadStart(bench, job);
        long t0 = System.nanoTime();
        for (int c = 0; c < chunks; c++) batch.run(chunk);
        return System.nanoTime() - t0;
    }

    /** The same batches timed inside C++ (nanoseconds), started one cycle into the workload. */
    private static long nativeLoop(CoreBench bench, GemmJob job, Batch batch, int chunks, int chunk) {
        atWorkloadStart(bench, job);
        long ns = 0;
        for (int c = 0; c < chunks; c++) ns += batch.benchNative(chunk);
        return ns;
    }

    /** Leaves the emulator one cycle into the workload, from power-on with the workload loaded. */
    private static void atWorkloadStart(CoreBench bench, GemmJob job) {
        try {
            bench.run(job, 1);
        } catch (CoreHangException stopped) {
            for (Throwable t = stopped; t != null; t = t.getCause()) if (t instanceof CycleLimitException) return;
            throw stopped;
        }
        throw new IllegalStateException("the workload finished within 1 cycle");
    }

    /** Every output port's value: the state (a) and (b) must agree on. */
    private static List<BigInteger> outputs(Simulator sim) {
        return sim.ports().stream().filter(p -> !p.input()).map(Signal::name).map(sim::peekBig).toList();
    }

    private static double perS(long cycles, long ns) { return cycles / (ns / 1e9); }
}
