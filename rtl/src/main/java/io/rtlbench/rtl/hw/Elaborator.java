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
        String[] sv = new String[1];
        var roles = Hierarchy.record(() -> {
            try {
                sv[0] = ChiselStage$.MODULE$.emitSystemVerilog(() -> made[0] = top.get(), chiselArgs, FIRTOOL_OPTS);
            } catch (Exception e) {
                throw ElaborationException.of(e);
            }
        });
        int cut = sv[0].indexOf("// ----- 8< -----");
        return new Elaborated(made[0].name(), cut >= 0 ? sv[0].substring(0, cut) : sv[0], roles);
    }

    /** The CHIRRTL (FIRRTL text before firtool) of a design: source locators point at the Java lines. */
    public static synchronized String chirrtl(Supplier<? extends RawModule> top) {
        try {
            return ChiselStage$.MODULE$.emitCHIRRTL(top::get, new String[0]);
        } catch (Exception e) {
            throw ElaborationException.of(e);
        }
    }

    /** Chisel or firtool refused the design; the message names the Java file and line. */
    public static final class ElaborationException extends RuntimeException {
        ElaborationException(String msg, Throwable cause) { super(msg, cause); }

        /** Wraps a Chisel/firtool failure, naming the first hardware-description line on its stack. */
        static ElaborationException of(Throwable e) {
            String where = "";
            for (Throwable t = e; t != null && where.isEmpty(); t = t.getCause())
                for (StackTraceElement f : t.getStackTrace()) {
                    String c = f.getClassName();
                    if (c.startsWith("chisel3.") || c.startsWith("scala.") || c.startsWith("circt.") || c.startsWith("firrtl.")
                            || c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith(Hw.class.getName())
                            || c.startsWith(Ops.class.getName()) || c.startsWith(Src.class.getName())
                            || c.startsWith(Elaborator.class.getName()) || f.getFileName() == null || f.getFileName().isEmpty()) continue;
                    where = " (at " + f.getFileName() + ":" + f.getLineNumber() + ")";
                    break;
                }
            return new ElaborationException("elaboration failed" + where + ": " + e.getMessage(), e);
        }
    }
}
