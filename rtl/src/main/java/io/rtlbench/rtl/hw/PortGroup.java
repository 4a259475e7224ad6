package io.rtlbench.rtl.hw;

import chisel3.Data;
import chisel3.UInt;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ports declared once, by an enum: one UInt per constant, named {@link Port#portName()}, all in one
 * direction. As a field of a {@link HwBundle} its ports are flattened into the bundle in the field's
 * place (Verilog {@code io_cycles}, not {@code io_counters_cycles}), so a list such as a core's
 * counters is written once (the enum) and every IO that carries it, the wiring between them
 * ({@link Hw#connectByName}) and the drivers' names follow from it.
 */
public final class PortGroup<E extends Enum<E> & PortGroup.Port> {
    /** One port of a group: its field (and Verilog {@code io_<name>}) name and width in bits. */
    public interface Port {
        String portName();
        int width();
    }

    private final Map<E, UInt> ports;

    private PortGroup(Set<E> members, boolean output) {
        Map<E, UInt> m = new LinkedHashMap<>();
        for (E e : members) m.put(e, output ? Hw.out(Hw.UInt(e.width())) : Hw.in(Hw.UInt(e.width())));
        ports = Collections.unmodifiableMap(m);
    }

    /** Outputs for every constant of {@code type}. */
    public static <E extends Enum<E> & Port> PortGroup<E> outputs(Class<E> type) { return outputs(EnumSet.allOf(type)); }
    /** Outputs for some constants (in enum order). */
    public static <E extends Enum<E> & Port> PortGroup<E> outputs(Set<E> members) { return new PortGroup<>(EnumSet.copyOf(members), true); }
    public static <E extends Enum<E> & Port> PortGroup<E> inputs(Class<E> type) { return new PortGroup<>(EnumSet.allOf(type), false); }

    /** The port of {@code e}. */
    public UInt get(E e) {
        UInt p = ports.get(e);
        if (p == null) throw new IllegalArgumentException("this port group has no " + e + "; it has " + ports.keySet());
        return p;
    }

    /** Name -> port, in the enum's order (how {@link HwBundle} flattens the group). */
    Map<String, Data> elements() {
        Map<String, Data> out = new LinkedHashMap<>();
        ports.forEach((e, p) -> out.put(e.portName(), p));
        return out;
    }
}
