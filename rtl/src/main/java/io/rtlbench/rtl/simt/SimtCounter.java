package io.rtlbench.rtl.simt;

import io.rtlbench.rtl.hw.PortGroup;

/**
 * The SIMT core's performance counters, declared once: {@link PerfCounters} drives them, the core's
 * and the SoC's IO carry them under the same names (top ports {@code io_<portName>}), and the
 * driver reads them by these names. Meanings: see {@link PerfCounters}.
 */
public enum SimtCounter implements PortGroup.Port {
    CYCLES("cycles"),
    WARP_INSTRS("warpInstrs"),
    THREAD_INSTRS("threadInstrs"),
    MUL_CYCLES("mulCycles"),
    MUL_LANES("mulLanes"),
    STALL_SCOREBOARD("stallScoreboard"),
    STALL_MEMORY("stallMemory"),
    STALL_BARRIER("stallBarrier"),
    STALL_DIVERGENCE("stallDivergence"),
    DIVERGENT_BRANCHES("divergentBranches", 32);

    private final String portName;
    private final int width;

    SimtCounter(String portName) { this(portName, 64); }

    SimtCounter(String portName, int width) {
        this.portName = portName;
        this.width = width;
    }

    @Override public String portName() { return portName; }
    /** Bits (64 for event counts from reset; 32 for the divergent-branch count). */
    @Override public int width() { return width; }
}
