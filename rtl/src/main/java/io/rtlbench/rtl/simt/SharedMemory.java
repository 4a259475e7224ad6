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
 * On-chip shared memory storage: four byte-wide arrays ({@code bank0..bank3}, the byte at address
 * a in array a mod 4) with one read/write port per lane. A lane's port takes a byte address and a
 * value of up to 4 bytes; each array gets its own word address, so the 4 consecutive bytes of any
 * access (aligned or not, also across a word boundary) land in the 4 arrays at once: store data is
 * rotated into array order, read data rotated back (byte 0 = the addressed byte). Reads are
 * combinational; byte-masked writes land at the clock edge. The {@link Lsu} decides which lanes
 * are served in a cycle (bank conflicts serialise there). Two lanes writing the same byte in one
 * cycle: one of them lands, which one is unspecified (as CUDA leaves it for a warp's plain stores).
 */
public final class SharedMemory extends HwModule {
    public static final class SharedMemoryIO extends HwBundle {
        public final Vec<Bool> en;
        public final Bool write = in(Bool());
        /** Byte address within shared memory. */
        public final Vec<UInt> addr;
        /** Store value (byte 0 goes to addr) and its byte enables (1, 3 or 15). */
        public final Vec<UInt> wdata;
        public final Vec<UInt> wmask;
        /** The 4 bytes from addr upwards. */
        public final Vec<UInt> rdata;

        public SharedMemoryIO(SimtConfig cfg) {
            super(cfg);
            en = in(Vec(cfg.threads(), Bool()));
            addr = in(Vec(cfg.threads(), UInt(cfg.sharedAddrBits() + 2)));
            wdata = in(Vec(cfg.threads(), UInt(32)));
            wmask = in(Vec(cfg.threads(), UInt(4)));
            rdata = out(Vec(cfg.threads(), UInt(32)));
        }
    }

    public final SharedMemoryIO io;

    public SharedMemory(SimtConfig cfg) {
        io = io("io", new SharedMemoryIO(cfg));
        int ab = cfg.sharedAddrBits();
        List<Mem<UInt>> banks = new ArrayList<>();
        for (int b = 0; b < 4; b++) banks.add(mem("bank" + b, cfg.sharedWords(), UInt(8)));
        for (int l = 0; l < cfg.threads(); l++) {
            UInt a = io.addr.apply(l), rot = bits(a, 1, 0);
            UInt word = bits(a, ab + 1, 2), next = low(add(word, lit(1, ab)), ab);
            UInt wdata = bits(shl(cat(io.wdata.apply(l), io.wdata.apply(l)), cat(rot, lit(0, 3))), 63, 32);  // rotate left
            UInt wmask = bits(shl(cat(io.wmask.apply(l), io.wmask.apply(l)), rot), 7, 4);
            UInt[] bytes = new UInt[4];
            for (int b = 0; b < 4; b++) {
                final int bb = b, ll = l;
                // the byte of this bank is in the next word when the access started past it in the first word
                UInt bankWord = node("bankAddr" + b + "_" + l, mux(gt(rot, lit(b, 2)), next, word));
                bytes[3 - b] = read(banks.get(b), bankWord);
                Bool we = and(and(io.en.apply(l), io.write), bit(wmask, b));
                when(we, () -> write(banks.get(bb), bankWord, bits(wdata, 8 * bb + 7, 8 * bb)));
            }
            UInt raw = cat(bytes);
            connect(io.rdata.apply(l), low(shr(cat(raw, raw), cat(rot, lit(0, 3))), 32));  // rotate right
        }
    }
}
