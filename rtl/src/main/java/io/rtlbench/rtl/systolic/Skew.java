package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Data;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;

/** Edge helpers: skew/deskew delay chains and the byte lanes of a scratchpad row. */
final class Skew {
    private Skew() {}

    @SuppressWarnings("unchecked")
    static <T extends Data> T delay(String name, T in, int n) {
        T cur = in;
        for (int k = 0; k < n; k++) cur = regNext(name + "_" + k, cur);
        return cur;
    }

    /** Byte lanes of a scratchpad row as INT8 values (byte i in bits 8i+7..8i), zero when not enabled. */
    static void lanes(Vec<SInt> dst, UInt row, int n, Bool enable) {
        for (int i = 0; i < n; i++) {
            SInt v = asSInt(bits(row, 8 * i + 7, 8 * i));
            connect(dst.apply(i), mux(enable, v, slit(0, 8)));
        }
    }
}
