package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import java.util.ArrayList;
import java.util.List;

/**
 * On-chip shared memory storage: four byte-wide arrays ({@code bank0..bank3}, byte i of a word in
 * array i) with one read/write port per lane. Reads are combinational; byte-masked writes land at
 * the clock edge. The {@link Lsu} enables at most one word per 32-word bank per cycle (bank
 * conflicts serialise there); two lanes writing the same byte in one cycle: the higher lane wins.
 */
public final class SharedMemory extends HwModule {
    public static final class SharedMemoryIO extends HwBundle {
        public final Vec<Bool> en;
        public final Bool write = in(Bool());
        public final Vec<UInt> addr;
        public final Vec<UInt> wdata;
        public final Vec<UInt> wmask;
        public final Vec<UInt> rdata;

        public SharedMemoryIO(SimtConfig cfg) {
            super(cfg);
            en = in(Vec(cfg.threads(), Bool()));
            addr = in(Vec(cfg.threads(), UInt(cfg.sharedAddrBits())));
            wdata = in(Vec(cfg.threads(), UInt(32)));
            wmask = in(Vec(cfg.threads(), UInt(4)));
            rdata = out(Vec(cfg.threads(), UInt(32)));
        }
    }

    public final SharedMemoryIO io;

    public SharedMemory(SimtConfig cfg) {
        io = io("io", new SharedMemoryIO(cfg));
        List<Mem<UInt>> banks = new ArrayList<>();
        for (int b = 0; b < 4; b++) banks.add(mem("bank" + b, cfg.sharedWords(), UInt(8)));
        for (int l = 0; l < cfg.threads(); l++) {
            UInt addr = io.addr.apply(l);
            UInt[] bytes = new UInt[4];
            for (int b = 0; b < 4; b++) bytes[3 - b] = read(banks.get(b), addr);
            connect(io.rdata.apply(l), cat(bytes));
            for (int b = 0; b < 4; b++) {
                final int bb = b, ll = l;
                Bool we = and(and(io.en.apply(l), io.write), bit(io.wmask.apply(l), b));
                when(we, () -> write(banks.get(bb), io.addr.apply(ll), bits(io.wdata.apply(ll), 8 * bb + 7, 8 * bb)));
            }
        }
    }
}
