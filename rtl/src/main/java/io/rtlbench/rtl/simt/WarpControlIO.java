package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;

/** Ports of {@link WarpControl}: the issue event, the executing instruction, and the warp state. */
public final class WarpControlIO extends HwBundle {
    public final Bool issue = in(Bool());
    public final UInt issueWarp;
    public final Bool exValid = in(Bool());
    public final UInt exWarp;
    public final UInt exPc = in(UInt(32));
    public final UInt exMask;
    public final UInt kind = in(UInt(SimtIsa.Kind.bits()));
    public final UInt funct3 = in(UInt(3));
    public final UInt csr = in(UInt(12));
    public final UInt rs1Field = in(UInt(5));
    public final UInt imm = in(UInt(32));
    public final Vec<UInt> a;
    public final Vec<UInt> b;
    public final Vec<Bool> cond;
    public final UInt instret = in(UInt(64));
    /** mcause and mtval of a trap taken by the executing instruction ({@link TrapUnit}). */
    public final UInt trapCause = in(UInt(32)), trapValue = in(UInt(32));
    /** Where a trap of the executing warp goes: its mtvec with the mode bits cleared. */
    public final UInt trapHandler = out(UInt(32));
    /** The executing warp stops (a trap without a handler: it must not trap again). */
    public final Bool stopWarp = in(Bool());
    /** mepc, mcause and mtval of warp {@code reportWarp} (for the trap report). */
    public final UInt reportWarp;
    public final UInt reportMepc = out(UInt(32)), reportMcause = out(UInt(32)), reportMtval = out(UInt(32));
    public final Vec<UInt> pc;
    public final Vec<UInt> mask;
    public final Vec<Bool> ready;
    public final UInt activeBits;
    public final UInt barrierBits;
    public final UInt busyBits;
    /** The executing warp does not continue at PC + 4 (jump, taken branch, trap, SIMT op). */
    public final Bool redirect = out(Bool());
    /** Per-lane value to write back for CSR reads and SPLIT tokens. */
    public final Vec<UInt> laneValue;
    public final Bool divergentBranch = out(Bool());
    /** Sticky: a SPLIT found the divergence stack full, or a JOIN with a token found it empty. */
    public final Bool stackError = out(Bool());

    public WarpControlIO(SimtConfig cfg) {
        super(cfg);
        int w = cfg.warps(), t = cfg.threads();
        issueWarp = in(UInt(cfg.warpBits()));
        exWarp = in(UInt(cfg.warpBits()));
        reportWarp = in(UInt(cfg.warpBits()));
        exMask = in(UInt(t));
        a = in(Vec(t, UInt(32)));
        b = in(Vec(t, UInt(32)));
        cond = in(Vec(t, Bool()));
        pc = out(Vec(w, UInt(32)));
        mask = out(Vec(w, UInt(t)));
        ready = out(Vec(w, Bool()));
        activeBits = out(UInt(w));
        barrierBits = out(UInt(w));
        busyBits = out(UInt(w));
        laneValue = out(Vec(t, UInt(32)));
    }
}
