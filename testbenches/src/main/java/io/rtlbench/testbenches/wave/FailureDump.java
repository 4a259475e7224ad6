package io.rtlbench.testbenches.wave;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.emulator.Design;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Dumps the waveform around a testbench's first mismatch: re-runs the same (deterministic, seeded)
 * stimulus on a trace build of the design with a VCD window of {@code before} cycles before and
 * {@code after} cycles after the failing cycle, and returns a message naming the file and the
 * command to look at it. Plain runs stay fast; only failures pay for tracing.
 * Simplification: the replay must reproduce the failing run exactly (same seed, same reset).
 */
public final class FailureDump {
    private FailureDump() {}

    /** The dumped window [from, to) and the file. */
    public record Dump(Path vcd, long from, long to, long cycle) {
        /** A line for the failure message, e.g. "waveform of cycles 10..29 around the mismatch at cycle 20: ...". */
        public String message() {
            return "waveform of cycles " + from + ".." + (to - 1) + " around the mismatch at cycle " + cycle + ": " + vcd.toAbsolutePath()
                    + " (look: ./rtlbench wave show " + vcd.toAbsolutePath() + " SIGNAL... --from " + from + " --to " + to + ")";
        }
    }

    public static Dump around(Design design, long cycle, int before, int after, Path vcd, Consumer<Simulator> replay) {
        if (cycle < 0 || before < 0 || after < 0) throw new IllegalArgumentException("bad window: cycle " + cycle + ", " + before + " before, " + after + " after");
        long from = Math.max(0, cycle - before), to = cycle + after + 1;
        try (Simulator sim = Simulator.create(design, new BuildOptions(true, false))) {
            sim.traceWindow(vcd, from, to);
            replay.accept(sim);
            if (sim.cycle() < to) sim.step(to - sim.cycle());  // hold the last inputs to fill the window
            sim.traceClose();
        }
        return new Dump(vcd, from, to, cycle);
    }
}
