package io.rtlbench.rtl.hw;

import chisel3.RawModule;
import circt.stage.ChiselStage$;
import java.util.function.Supplier;

/**
 * Elaborates a top module in this JVM: Chisel builds the circuit, firtool lowers it to one
 * SystemVerilog text. Named values are preserved so that waveforms and toggle counters see the
 * Java names; no randomization (the emulator starts registers at zero).
 */
public final class Elaborator {
    private static final String[] FIRTOOL_OPTS = {
        "-disable-all-randomization", "-strip-debug-info", "-default-layer-specialization=disable",
        "-preserve-values=named", "-lowering-options=disallowLocalVariables,disallowPackedArrays,locationInfoStyle=none",
    };

    private Elaborator() {}

    public static synchronized Elaborated elaborate(Supplier<? extends RawModule> top) {
        RawModule[] made = new RawModule[1];
        String[] chiselArgs = {"--firtool-binary-path", Firtool.binary().toString()};
        String sv;
        try {
            sv = ChiselStage$.MODULE$.emitSystemVerilog(() -> made[0] = top.get(), chiselArgs, FIRTOOL_OPTS);
        } catch (RuntimeException e) {
            throw new ElaborationException("elaboration failed: " + e.getMessage(), e);
        }
        int cut = sv.indexOf("// ----- 8< -----");
        if (cut >= 0) sv = sv.substring(0, cut);
        return new Elaborated(made[0].name(), sv);
    }

    /** Chisel or firtool refused the design; the message names the Java file and line. */
    public static final class ElaborationException extends RuntimeException {
        ElaborationException(String msg, Throwable cause) { super(msg, cause); }
    }
}
