package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.formats.Fp32Add;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The accumulator SRAM: {@code rows} rows of C INT32 lanes, banked one off-chip beat wide (bank q
 * holds lanes q*bus/4 ..). Ports: the DMA writes one beat (move-in of biases) and reads
 * {@code readRows} consecutive whole rows from {@code rRow} (move-out; lane j*C+l = row rRow+j, lane l); the array side writes a whole row, adding to the old value when {@code eAccumulate}
 * (read-modify-write in one cycle, INT32 wrapping, or FP32 round-to-nearest-even for the floating-point
 * formats, one {@link Fp32Add} per lane) or overwriting. Simplification: combinational
 * reads; the compiler keeps the two write ports off the same row in the same cycle.
 */
public final class Accumulator extends HwModule {
    public static final class AccumulatorIO extends HwBundle {
        public final Bool dValid = in(Bool());
        public final UInt dRow = in(UInt(16));
        public final UInt dBank = in(UInt(8));
        public final UInt dData;
        public final UInt rRow = in(UInt(16));
        public final Vec<SInt> rData;
        public final Bool eValid = in(Bool());
        public final UInt eRow = in(UInt(16));
        public final Bool eAccumulate = in(Bool());
        public final Vec<SInt> eData;

        public AccumulatorIO(Integer rows, Integer lanes, Integer busBytes, Integer readRows) {
            super(rows, lanes, busBytes, readRows);
            dData = in(UInt(busBytes * 8));
            rData = out(Vec(readRows * lanes, SInt(32)));
            eData = in(Vec(lanes, SInt(32)));
        }
    }

    public final AccumulatorIO io;

    public Accumulator(int rows, int lanes, int busBytes, int readRows) { this(rows, lanes, busBytes, readRows, false); }

    /** With {@code fp32}, lanes hold FP32 bits and the array side accumulates with {@link Fp32Add}. */
    public Accumulator(int rows, int lanes, int busBytes, int readRows, boolean fp32) {
        io = io("io", new AccumulatorIO(rows, lanes, busBytes, readRows));
        int perBank = busBytes / 4, banks = (lanes + perBank - 1) / perBank, rowBits = SystolicConfig.log2(rows);
        UInt dAddr = node("dAddr", low(io.dRow, rowBits));
        UInt[] rAddr = new UInt[readRows];
        for (int j = 0; j < readRows; j++) rAddr[j] = node("rAddr_" + j, low(add(io.rRow, lit(j, 16)), rowBits));
        UInt eAddr = node("eAddr", low(io.eRow, rowBits));
        for (int q = 0; q < banks; q++) {
            Mem<UInt> bank = mem("bank_" + q, rows, UInt(busBytes * 8));
            int qq = q;
            UInt[] rWord = new UInt[readRows];
            for (int j = 0; j < readRows; j++) rWord[j] = node("rWord_" + q + "_" + j, read(bank, rAddr[j]));
            UInt eOld = node("eOld_" + q, read(bank, eAddr));
            List<UInt> newLanes = new ArrayList<>();
            for (int l = perBank - 1; l >= 0; l--) {
                int lane = q * perBank + l;
                if (lane >= lanes) { newLanes.add(lit(0, 32)); continue; }
                for (int j = 0; j < readRows; j++)
                    connect(io.rData.apply(j * lanes + lane), asSInt(bits(rWord[j], 32 * l + 31, 32 * l)));
                SInt old = asSInt(bits(eOld, 32 * l + 31, 32 * l));
                SInt sum = mux(io.eAccumulate, fp32 ? fpAdd(lane, old, io.eData.apply(lane)) : add(old, io.eData.apply(lane)),
                        io.eData.apply(lane));
                newLanes.add(asUInt(sum));
            }
            UInt eWord = node("eWord_" + q, cat(newLanes.toArray(new UInt[0])));
            when(io.eValid, () -> write(bank, eAddr, eWord));
            when(and(io.dValid, eq(io.dBank, lit(qq, 8))), () -> write(bank, dAddr, io.dData));
        }
    }

    private static SInt fpAdd(int lane, SInt old, SInt value) {
        Fp32Add adder = instance("fpAdd_" + lane, EnergyRole.COMPUTE, Fp32Add::new);
        connect(adder.io.a, asUInt(old));
        connect(adder.io.b, asUInt(value));
        return asSInt(adder.io.sum);
    }
}
