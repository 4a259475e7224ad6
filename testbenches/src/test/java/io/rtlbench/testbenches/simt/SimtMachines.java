package io.rtlbench.testbenches.simt;

import io.rtlbench.rtl.simt.SimtConfig;
import java.util.HashMap;
import java.util.Map;

/** One emulator per SIMT configuration for the whole test JVM (elaboration and builds are the slow part). */
final class SimtMachines {
    private static final Map<SimtConfig, SimtMachine> MACHINES = new HashMap<>();

    private SimtMachines() {}

    static synchronized SimtMachine get(int warps, int threads) {
        return MACHINES.computeIfAbsent(SimtConfig.of(warps, threads), SimtMachine::new);
    }

    /** By spec: {@code [C x]W x T[,datapath]} ({@link SimtConfig#parse}). */
    static synchronized SimtMachine get(String spec) {
        return MACHINES.computeIfAbsent(SimtConfig.parse(spec), SimtMachine::new);
    }

    /** Runs a self-checking program; returns the result (tohost 1 = pass). */
    static SimtMachine.Result run(SimtMachine m, java.nio.file.Path elf, long maxCycles) {
        m.load(Elf.read(elf));
        return m.run(maxCycles);
    }

    /** A readable verdict of a tohost value: pass, or the failing test number. */
    static String verdict(long tohost) {
        if (tohost == 1) return "pass";
        if (tohost == 0) return "no tohost write (all warps stopped)";
        return (tohost & 1) == 1 ? "test " + (tohost >> 1) + " failed" : "tohost = " + tohost;
    }
}
