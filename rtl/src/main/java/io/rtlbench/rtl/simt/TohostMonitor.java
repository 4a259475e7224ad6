package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;

/**
 * Completion of {@link SimtCore}, riscv-tests style: a store whose address (of any active lane)
 * equals {@code tohostAddr} (the ELF's {@code tohost} symbol, set by the loader) latches the stored
 * word of the lowest such lane into {@code tohostValue} and sets the sticky {@code tohostValid}. The
 * store itself still goes to memory. Timing: seen in execute, visible from the next cycle.
 * Simplification: a store that only partly overlaps the tohost word is not seen.
 */
final class TohostMonitor {
    final Bool valid;
    final UInt value;

    TohostMonitor(SimtConfig cfg, IssueStage.Latch ex, ExecuteStage exec, UInt tohostAddr) {
        Bool tohostHit = lit(false);
        UInt tohostData = lit(0, 32);
        for (int l = cfg.threads() - 1; l >= 0; l--) {
            Bool hit = and(bit(ex.mask(), l), eq(exec.addrs.get(l), tohostAddr));
            tohostData = mux(hit, ex.b().apply(l), tohostData);
            tohostHit = or(tohostHit, hit);
        }
        valid = regInit("tohostValid", lit(false));
        value = regInit("tohostValue", lit(0, 32));
        UInt tohostLaneData = node("tohostData", tohostData);
        when(and(and(exec.memStart, exec.isStore), tohostHit), () -> {
            connect(valid, lit(true));
            connect(value, tohostLaneData);
        });
    }
}
