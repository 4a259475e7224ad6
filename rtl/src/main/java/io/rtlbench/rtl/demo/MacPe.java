package io.rtlbench.rtl.demo;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * One output-stationary INT8 MAC processing element: acc += a * b each cycle (signed 8x8 -> 16-bit
 * product, sign-extended into a 32-bit wrapping accumulator). The operands are forwarded to the
 * right (a) and down (b) through one register each. Latency: 1 cycle per hop; acc updates at the
 * clock edge after the operands arrive. Simplification: no enable, so idle inputs must be zero.
 */
public final class MacPe extends HwModule {
    static final class MacPeIO extends HwBundle {
        final SInt a = in(SInt(MacGridConfig.DATA_BITS));
        final SInt b = in(SInt(MacGridConfig.DATA_BITS));
        final Bool clear = in(Bool());
        final SInt aOut = out(SInt(MacGridConfig.DATA_BITS));
        final SInt bOut = out(SInt(MacGridConfig.DATA_BITS));
        final SInt acc = out(SInt(MacGridConfig.ACC_BITS));
    }

    final MacPeIO io = io("io", new MacPeIO());

    public MacPe() {
        SInt aReg = regInit("aReg", slit(0, MacGridConfig.DATA_BITS));
        SInt bReg = regInit("bReg", slit(0, MacGridConfig.DATA_BITS));
        SInt acc = regInit("acc", slit(0, MacGridConfig.ACC_BITS));
        connect(aReg, io.a);
        connect(bReg, io.b);
        SInt product = node("product", mul(io.a, io.b));
        SInt sum = node("sum", add(acc, signExtend(product, MacGridConfig.ACC_BITS)));
        connect(acc, mux(io.clear, slit(0, MacGridConfig.ACC_BITS), sum));
        connect(io.aOut, aReg);
        connect(io.bOut, bReg);
        connect(io.acc, acc);
    }
}
