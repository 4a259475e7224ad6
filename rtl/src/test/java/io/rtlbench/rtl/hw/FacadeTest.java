package io.rtlbench.rtl.hw;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.demo.MacGrid;
import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.rtl.demo.MacPe;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Elaborates small circuits written with the facade and checks the SystemVerilog firtool emits. */
class FacadeTest {
    /** A bundle with a config argument (exercises cloneType) and a Vec of sub-bundles. */
    static final class Pair extends HwBundle {
        final UInt lo;
        final SInt hi;
        Pair(int width) {
            super(width);
            lo = UInt(width);
            hi = SInt(width);
        }
    }

    static final class Widget extends HwModule {
        static final class WidgetIO extends HwBundle {
            final UInt a = in(UInt(8));
            final UInt b = in(UInt(8));
            final UInt sel = in(UInt(2));
            final Vec<Pair> pairs = in(Vec(2, new Pair(4)));
            final UInt out = out(UInt(8));
            final UInt catted = out(UInt(16));
            final Bool top = out(Bool());
            final SInt ext = out(SInt(12));
        }

        final WidgetIO io = io("io", new WidgetIO());

        Widget() {
            UInt state = regInit("state", lit(0, 8));
            when(eq(io.sel, lit(0, 2)), () -> connect(state, add(io.a, io.b)))
                    .elsewhen(() -> eq(io.sel, lit(1, 2)), () -> connect(state, sub(io.a, io.b)))
                    .elsewhen(() -> eq(io.sel, lit(2, 2)), () -> connect(state, xor(io.a, io.b)))
                    .otherwise(() -> connect(state, bits(mul(io.a, io.b), 11, 4)));
            connect(io.out, state);
            connect(io.catted, node("catted", cat(io.a, io.b)));
            connect(io.top, bit(io.a, 7));
            connect(io.ext, signExtend(io.pairs.apply(1).hi, 12));
        }
    }

    @Test void widgetElaboratesWithJavaNamesAndOperators() {
        Elaborated e = Elaborator.elaborate(Widget::new);
        String sv = e.systemVerilog();
        assertEquals("Widget", e.topName());
        assertTrue(sv.contains("module Widget("), sv);
        assertTrue(Pattern.compile("input\\s+\\[7:0\\]\\s+io_a").matcher(sv).find(), "io_a is an 8-bit input");
        assertTrue(Pattern.compile("output\\s+\\[15:0\\]\\s+io_catted").matcher(sv).find(), "io_catted is 16 bits");
        assertTrue(sv.contains("io_pairs_1_hi"), "Vec of bundles flattens with field names");
        assertTrue(Pattern.compile("reg\\s+\\[7:0\\]\\s+state;").matcher(sv).find(), "register keeps its Java name");
        assertTrue(sv.contains("catted = {io_a"), "named node and cat order (first argument high)");
        assertTrue(sv.contains("io_a") && sv.contains("*") && sv.contains("^") && sv.contains("-"), "operators are emitted");
        // Ports appear in Java declaration order.
        assertTrue(sv.indexOf("io_a,") < sv.indexOf("io_b,") && sv.indexOf("io_b,") < sv.indexOf("io_sel"), sv);
    }

    @Test void sourceLocatorsPointAtTheJavaLines() {
        String fir = Elaborator.chirrtl(Widget::new);
        assertTrue(fir.contains("@[FacadeTest.java"), "CHIRRTL carries Java file:line locators:\n" + fir);
    }

    @Test void macGridInstancesAndProducts() {
        String sv = Elaborator.elaborate(() -> new MacGrid(new MacGridConfig(2, 3))).systemVerilog();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++) assertTrue(sv.contains("MacPe pe_" + i + "_" + j + " ("), "instance pe_" + i + "_" + j);
        String pe = Elaborator.elaborate(MacPe::new).systemVerilog();
        assertTrue(Pattern.compile("wire\\s+\\[15:0\\]\\s+product\\s*=").matcher(pe).find(), "signed 8x8 product is 16 bits");
        assertTrue(Pattern.compile("reg\\s+\\[31:0\\]\\s+acc;").matcher(pe).find(), "32-bit accumulator register");
    }

    static final class BadWidth extends HwModule {
        static final class BadIO extends HwBundle {
            final UInt a = in(UInt(8));
            final SInt s = out(SInt(8));
        }

        final BadIO io = io("io", new BadIO());

        BadWidth() { connect(io.s, io.a); }  // UInt into SInt: Chisel refuses
    }

    @Test void elaborationErrorsNameTheJavaLine() {
        var e = assertThrows(Elaborator.ElaborationException.class, () -> Elaborator.elaborate(BadWidth::new));
        assertTrue(e.getMessage().contains("FacadeTest.java"), e.getMessage());
    }

    @Test void literalsAndNamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> lit(256, 8));
        assertThrows(IllegalArgumentException.class, () -> lit(-1, 8));
        assertThrows(IllegalArgumentException.class, () -> slit(128, 8));
        assertThrows(IllegalArgumentException.class, () -> new MacGridConfig(0, 4));
    }
}
