package io.rtlbench.rtl.hw;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chisel3.Bool;
import chisel3.UInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link PortGroup} flattens an enum of ports into a bundle; {@link Hw#connectByName} wires same-named fields by direction. */
class BulkConnectTest {
    enum Count implements PortGroup.Port {
        EVENTS("events", 16), WRAPS("wraps", 4);
        final String name;
        final int width;
        Count(String name, int width) { this.name = name; this.width = width; }
        @Override public String portName() { return name; }
        @Override public int width() { return width; }
    }

    static final class CounterIO extends HwBundle {
        final Bool tick = in(Bool());
        final PortGroup<Count> counts = PortGroup.outputs(Count.class);
        final Bool busy = out(Bool());
    }

    static final class Counter extends HwModule {
        final CounterIO io = io("io", new CounterIO());

        Counter() {
            UInt n = regInit("n", lit(0, 16));
            when(io.tick, () -> connect(n, add(n, lit(1, 16))));
            connect(io.counts.get(Count.EVENTS), n);
            connect(io.counts.get(Count.WRAPS), bits(n, 15, 12));
            connect(io.busy, io.tick);
        }
    }

    /** The parent's IO has the child's fields plus one of its own; one call wires them all. */
    static final class Parent extends HwModule {
        static final class ParentIO extends HwBundle {
            final Bool tick = in(Bool());
            final PortGroup<Count> counts = PortGroup.outputs(Count.class);
            final Bool extra = out(Bool());
        }

        final ParentIO io = io("io", new ParentIO());

        Parent() {
            Counter c = instance("counter", Counter::new);
            connectByName(io, c.io);
            connect(io.extra, c.io.busy);
        }
    }

    @Test void portGroupFlattensAndConnectByNameWiresByDirection() {
        String sv = Elaborator.elaborate(Parent::new).systemVerilog();
        assertTrue(Pattern.compile("output\\s+\\[15:0\\]\\s+io_events").matcher(sv).find(), sv);
        assertTrue(Pattern.compile("output\\s+\\[3:0\\]\\s+io_wraps").matcher(sv).find(), sv);
        assertTrue(Pattern.compile("\\.io_tick\\s*\\(io_tick(_0)?\\)").matcher(sv).find(), "input flows parent -> child:\n" + sv);
        assertTrue(Pattern.compile("\\.io_events\\s*\\(io_events(_0)?\\)").matcher(sv).find(), "output flows child -> parent:\n" + sv);
        assertTrue(Pattern.compile("assign io_events = io_events(_0)?;|\\.io_events\\s*\\(io_events\\)").matcher(sv).find(), sv);
        assertTrue(sv.indexOf("io_tick,") < sv.indexOf("io_events,") && sv.indexOf("io_events,") < sv.indexOf("io_wraps"), "group in place");
    }

    static final class Clash extends HwBundle {
        final UInt events = in(UInt(3));
        final PortGroup<Count> counts = PortGroup.outputs(Count.class);
    }

    static final class ClashModule extends HwModule {
        final Clash io = io("io", new Clash());
        ClashModule() { connect(io.counts.get(Count.EVENTS), io.events); }
    }

    @Test void aGroupPortMayNotShadowAField() {
        var e = assertThrows(RuntimeException.class, () -> Elaborator.elaborate(ClashModule::new));
        assertTrue(String.valueOf(e.getMessage()).contains("two elements named events"), e.getMessage());
    }
}
