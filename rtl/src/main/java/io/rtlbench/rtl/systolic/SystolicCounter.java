package io.rtlbench.rtl.systolic;

import io.rtlbench.rtl.hw.PortGroup;
import java.util.EnumSet;
import java.util.Set;

/**
 * The systolic SoC's counters, declared once: the core drives the first nine, the off-chip memory
 * model the byte counts; {@link SystolicCore}'s and {@link SystolicSoc}'s IO carry them under
 * {@link #portName()} (top ports {@code io_<portName>}), and the driver reports them under
 * {@link #json()} (JSON and result keys). Meanings: see {@link SystolicCore}.
 */
public enum SystolicCounter implements PortGroup.Port {
    TOTAL_CYCLES("totalCycles", "total_cycles"),
    COMPUTE_CYCLES("computeCycles", "compute_cycles"),
    MACS("macs", "macs"),
    COMMANDS("commands", "commands"),
    STALL_DMA_WAIT("stallDmaWait", "stall_dma_wait_cycles"),
    STALL_COMPUTE_WAIT("stallComputeWait", "stall_compute_wait_cycles"),
    STALL_BUFFER("stallBuffer", "stall_buffer_cycles"),
    STALL_OTHER("stallOther", "stall_other_cycles"),
    STALL_OFFCHIP("stallOffchip", "stall_offchip_cycles"),
    OFFCHIP_BYTES_READ("offchipBytesRead", "offchip_bytes_read"),
    OFFCHIP_BYTES_WRITTEN("offchipBytesWritten", "offchip_bytes_written");

    /** The counters the core itself drives (the rest come from the off-chip memory model). */
    public static final Set<SystolicCounter> CORE = EnumSet.range(TOTAL_CYCLES, STALL_OFFCHIP);

    private final String portName, json;

    SystolicCounter(String portName, String json) {
        this.portName = portName;
        this.json = json;
    }

    @Override public String portName() { return portName; }
    /** 64-bit counts from reset. */
    @Override public int width() { return 64; }
    /** Name in results and JSON. */
    public String json() { return json; }
}
