package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * MXFP4 plumbing of the weight-stationary execute unit, generated inside it: the scratchpad
 * layout of packed E2M1 elements and their E8M0 scales. Layout (the compiler writes it):
 * a scratchpad row of n bytes holds two element rows of n/2 bytes (row 2p in bytes 0..n/2-1, row
 * 2p+1 in the upper half; element i of a row in byte i/2, low nibble first); the activation
 * scales of a COMPUTE's T rows follow its ceil(T/2) element rows, R scales (one byte each) a row;
 * the weight scales of a tile (one per column) follow its R/2 element rows.
 */
final class MxLanes {
    private MxLanes() {}

    /** Element lanes from a packed row: the odd or even element row, zero when not enabled. */
    static void nibbles(String name, Vec<SInt> dst, UInt row, int n, Bool odd, Bool enable) {
        UInt half = node(name, mux(odd, bits(row, 8 * n - 1, 4 * n), bits(row, 4 * n - 1, 0)));
        for (int i = 0; i < n; i++) {
            SInt v = asSInt(bits(half, 4 * i + 3, 4 * i));
            connect(dst.apply(i), mux(enable, v, slit(0, 4)));
        }
    }

    /** Byte {@code index} of an n-byte row. */
    static UInt scaleByte(UInt row, int n, UInt index) {
        List<UInt> bytes = new ArrayList<>();
        for (int i = 0; i < n; i++) bytes.add(bits(row, 8 * i + 7, 8 * i));
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        return node("aScale", at(vecOf(bytes), low(index, indexBits)));
    }

    /** Streamer state: which half of the element row, and where the current row's scale is. */
    static final class Streamer {
        final Bool oddRow = regInit("oddRow", lit(false));
        final UInt scaleRow = regInit("scaleRow", lit(0, 16));
        final UInt scaleByte = regInit("scaleByte", lit(0, 8));

        Streamer(int rows, UInt cmd, Bool start, Bool active) {
            Bool wrap = node("scaleWrap", eq(scaleByte, lit(rows - 1, 8)));
            when(active, () -> {
                connect(oddRow, not(oddRow));
                connect(scaleByte, mux(wrap, lit(0, 8), add(scaleByte, lit(1, 8))));
                connect(scaleRow, add(scaleRow, mux(wrap, lit(1, 16), lit(0, 16))));
            });
            when(start, () -> {
                UInt t = WsExec.f(cmd, Cmd.Field.T);
                connect(oddRow, lit(false));
                connect(scaleByte, lit(0, 8));
                connect(scaleRow, add(WsExec.f(cmd, Cmd.Field.A_ROW), shr(add(t, lit(1, 16)), 1)));
            });
        }
    }

    /** Loader: R steps shift weight rows (R-1 first), then one step latches the C weight scales. */
    static final class Loader {
        final UInt row;
        final Bool oddRow, shiftWeights;
        final UInt[][] scales;

        Loader(int rows, int cols, UInt base, UInt step, Bool sel, Bool shifting, UInt bData) {
            Bool weights = node("weightStep", lt(step, lit(rows, 8)));
            UInt k = node("weightRow", sub(lit(rows - 1, 8), step));
            row = node("loadRow", add(base, mux(weights, pad(shr(k, 1), 16), lit(rows / 2, 16))));
            oddRow = bit(k, 0);
            shiftWeights = node("shiftWeights", and(shifting, weights));
            scales = new UInt[2][cols];
            for (int b = 0; b < 2; b++) {
                Bool latch = and(and(shifting, not(weights)), b == 1 ? sel : not(sel));
                for (int j = 0; j < cols; j++) {
                    UInt s = scales[b][j] = regInit("bScale" + b + "_" + j, lit(0, 8));
                    int jj = j;
                    when(latch, () -> connect(s, bits(bData, 8 * jj + 7, 8 * jj)));
                }
            }
        }
    }
}
