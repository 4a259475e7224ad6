package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * A scratchpad of {@code rows} rows of {@code rowBytes} bytes, split into banks one off-chip beat
 * wide (bank q holds bytes q*bus .. q*bus+bus-1 of every row) so the DMA writes one beat a cycle
 * while the array reads a whole row. Write: one beat into (row, bank); with {@code pack} > 1 (rows
 * narrower than a beat) one beat carries up to {@code pack} consecutive rows ({@code wCount} of them
 * valid, row j in bytes j*rowBytes..). Read: whole row, byte i of the row in bits 8i+7..8i; optionally a
 * second read port (MXFP4 arrays read activation scales while streaming elements). Simplification:
 * combinational read (no SRAM read latency).
 */
public final class Scratchpad extends HwModule {
    public static final class ScratchpadIO extends HwBundle {
        public final Bool wValid = in(Bool());
        public final UInt wRow = in(UInt(16));
        public final UInt wBank = in(UInt(8));
        public final UInt wCount = in(UInt(8));
        public final UInt wData;
        public final UInt rRow = in(UInt(16));
        public final UInt rData;
        /** Second read port (MXFP4 activation scales), when built with one. */
        public final UInt rRow2, rData2;

        public ScratchpadIO(Integer rows, Integer rowBytes, Integer busBytes, Integer pack, Boolean secondPort) {
            super(rows, rowBytes, busBytes, pack, secondPort);
            wData = in(UInt(busBytes * 8));
            rData = out(UInt(rowBytes * 8));
            rRow2 = secondPort ? in(UInt(16)) : null;
            rData2 = secondPort ? out(UInt(rowBytes * 8)) : null;
        }
    }

    public final ScratchpadIO io;

    public Scratchpad(int rows, int rowBytes, int busBytes, int pack) { this(rows, rowBytes, busBytes, pack, false); }

    public Scratchpad(int rows, int rowBytes, int busBytes, int pack, boolean secondPort) {
        io = io("io", new ScratchpadIO(rows, rowBytes, busBytes, pack, secondPort));
        if (pack > 1 && pack * rowBytes > busBytes) throw new IllegalArgumentException(pack + " rows of " + rowBytes + " B exceed a beat");
        int banks = (rowBytes + busBytes - 1) / busBytes, rowBits = SystolicConfig.log2(rows);
        UInt wAddr = node("wAddr", low(io.wRow, rowBits)), rAddr = node("rAddr", low(io.rRow, rowBits));
        UInt[] parts = new UInt[banks], parts2 = new UInt[banks];
        UInt rAddr2 = secondPort ? node("rAddr2", low(io.rRow2, rowBits)) : null;
        for (int q = 0; q < banks; q++) {
            Mem<UInt> bank = mem("bank_" + q, rows, UInt(busBytes * 8));
            int qq = q;
            if (pack == 1) when(and(io.wValid, eq(io.wBank, lit(qq, 8))), () -> write(bank, wAddr, io.wData));
            for (int j = 0; pack > 1 && j < pack; j++) {
                UInt rowJ = node("wRow_" + j, low(add(io.wRow, lit(j, 16)), rowBits));
                UInt dataJ = node("wData_" + j, pad(bits(io.wData, (j + 1) * rowBytes * 8 - 1, j * rowBytes * 8), busBytes * 8));
                when(and(io.wValid, gt(io.wCount, lit(j, 8))), () -> write(bank, rowJ, dataJ));
            }
            parts[banks - 1 - q] = read(bank, rAddr);
            if (secondPort) parts2[banks - 1 - q] = read(bank, rAddr2);
        }
        connect(io.rData, low(cat(parts), rowBytes * 8));
        if (secondPort) connect(io.rData2, low(cat(parts2), rowBytes * 8));
    }
}
