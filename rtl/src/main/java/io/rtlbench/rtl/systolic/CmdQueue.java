package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * A small FIFO of dispatched commands in front of one unit (DMA or execute), so the in-order
 * dispatcher hands a command over once its waits are met and moves on, instead of holding every
 * later command until the unit is free (Gemmini decouples its load, store and execute controllers
 * the same way). Enqueue and dequeue in the same cycle are allowed; the head is visible the cycle
 * after it is enqueued. Depth: a power of two.
 */
public final class CmdQueue extends HwModule {
    public static final class CmdQueueIO extends HwBundle {
        public final Bool enq = in(Bool());
        public final UInt enqData = in(UInt(Cmd.BITS));
        public final Bool full = out(Bool());
        public final Bool deq = in(Bool());
        public final Bool valid = out(Bool());
        public final UInt head = out(UInt(Cmd.BITS));
    }

    public final CmdQueueIO io = io("io", new CmdQueueIO());

    public CmdQueue(int depth) {
        if (depth < 2 || Integer.bitCount(depth) != 1) throw new IllegalArgumentException("command queue depth must be a power of two >= 2");
        int bits = SystolicConfig.log2(depth);
        Mem<UInt> slots = mem("slots", depth, UInt(Cmd.BITS));
        UInt rd = regInit("rd", lit(0, bits)), wr = regInit("wr", lit(0, bits)), count = regInit("count", lit(0, bits + 1));
        Bool doEnq = node("doEnq", and(io.enq, not(io.full)));
        Bool doDeq = node("doDeq", and(io.deq, io.valid));
        when(doEnq, () -> {
            write(slots, wr, io.enqData);
            connect(wr, add(wr, lit(1, bits)));
        });
        when(doDeq, () -> connect(rd, add(rd, lit(1, bits))));
        connect(count, sub(add(count, mux(doEnq, lit(1, bits + 1), lit(0, bits + 1))), mux(doDeq, lit(1, bits + 1), lit(0, bits + 1))));
        connect(io.full, eq(count, lit(depth, bits + 1)));
        connect(io.valid, orR(count));
        connect(io.head, read(slots, rd));
    }
}
