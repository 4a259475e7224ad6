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

    /**
     * The activation and select inputs of PE(i, j), shared by both meshes: in column 0 the mesh
     * inputs of row i delayed i cycles (the edge skew), elsewhere the left neighbour's registered
     * outputs ({@code leftA}/{@code leftSel}, unused in column 0).
     */
    static void chainRow(int i, int j, SInt peA, Bool peSel, Vec<SInt> meshA, Bool meshSel, SInt leftA, Bool leftSel) {
        if (j == 0) {
            connect(peA, delay("skewA_" + i, meshA.apply(i), i));
            connect(peSel, delay("skewSel_" + i, meshSel, i));
        } else {
            connect(peA, leftA);
            connect(peSel, leftSel);
        }
    }

    /** Byte lanes of a scratchpad row as INT8 values (byte i in bits 8i+7..8i), zero when not enabled. */
    static void lanes(Vec<SInt> dst, UInt row, int n, Bool enable) {
        for (int i = 0; i < n; i++) {
            SInt v = asSInt(bits(row, 8 * i + 7, 8 * i));
            connect(dst.apply(i), mux(enable, v, slit(0, 8)));
        }
    }
}
