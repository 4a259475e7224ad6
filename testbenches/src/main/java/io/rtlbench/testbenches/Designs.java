package io.rtlbench.testbenches;

import chisel3.RawModule;
import io.rtlbench.emulator.Design;
import io.rtlbench.rtl.hw.Elaborated;
import io.rtlbench.rtl.hw.Elaborator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one bridge from the hardware generators to the emulator: elaborates a top module and hands
 * the emulator its SystemVerilog with each instance's energy role as a tag ({@code compute},
 * {@code regfile}, {@code instruction}, {@code sram}, {@code control}, {@code external}).
 */
public final class Designs {
    private Designs() {}

    public static Design elaborate(Supplier<? extends RawModule> top) { return of(Elaborator.elaborate(top)); }

    public static Design of(Elaborated e) {
        Map<String, String> tags = new LinkedHashMap<>();
        e.roles().forEach((path, role) -> tags.put(path, role.name().toLowerCase(Locale.ROOT)));
        return new Design(e.topName(), e.systemVerilog(), tags);
    }
}
