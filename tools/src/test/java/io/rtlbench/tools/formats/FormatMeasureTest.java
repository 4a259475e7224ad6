package io.rtlbench.tools.formats;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicSoc;
import io.rtlbench.rtl.systolic.WsPe;
import io.rtlbench.testbenches.Designs;
import io.rtlbench.testbenches.formats.FormatData;
import io.rtlbench.testbenches.simt.SimtFormatKernels;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.SystolicCompiler;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.testbenches.systolic.SystolicProgram;
import io.rtlbench.tools.energy.EnergyReport;
import io.rtlbench.tools.energy.EnergyRun;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.TechTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The numbers of the formats table (issue 14): for INT8, FP8 E4M3 and MXFP4 on the 16x16
 * weight-stationary systolic core and a 4x8 SIMT core, a random GEMM (verified bit-exactly) with
 * MACs/cycle, off-chip bytes per MAC and pJ/MAC from the toggle-counting energy model, plus Yosys
 * gates (and flip-flops) of one PE, of the array's FP32 edge per column and of the accumulator's
 * FP32 adder per lane. Sizes: -Dformats.systolic=M,K,N (default 256,256,256), -Dformats.simt=M,K,N
 * (default 64,64,64), -Dformats.simtTile=32 (the SIMT K tile), -Dformats.tech=45nm; the table is printed and written to
 * target/formats-measure.json. Slow (three 16x16 and three SIMT toggle builds).
 */
@Tag("slow")
class FormatMeasureTest {
    static final NumberFormat[] FORMATS = {NumberFormat.INT8, NumberFormat.FP8_E4M3, NumberFormat.MXFP4};
    /** K tile of the SIMT kernels: 32 (one MX block, the kernels' shared-memory chunk); 16 reproduces the systolic bits. */
    static final int SIMT_TILE = Integer.getInteger("formats.simtTile", 32);

    static int[] shape(String prop, String def) {
        String[] p = System.getProperty(prop, def).split(",");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    @Test void measure() throws Exception {
        int[] sys = shape("formats.systolic", "256,256,256"), gpu = shape("formats.simt", "64,64,64");
        TechTable tech = TechTable.of(System.getProperty("formats.tech", "45nm"));
        Map<String, Object> out = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-8s %-9s %10s %9s %10s %9s %8s %8s%n",
                "format", "core", "cycles", "MACs/cyc", "B/MAC", "pJ/MAC", "PE gates", "PE flops"));
        for (NumberFormat f : FORMATS) {
            Map<String, Object> s = systolic(f, sys, tech), g = simt(f, gpu, tech);
            out.put(f.cliName + ".systolic16x16", s);
            out.put(f.cliName + ".simt4x8", g);
            for (Map<String, Object> r : List.of(s, g))
                table.append(String.format(Locale.ROOT, "%-8s %-9s %,10d %9.3f %10.4f %9.3f %8s %8s%n", f.cliName, r.get("core"), r.get("cycles"),
                        r.get("macs_per_cycle"), r.get("offchip_bytes_per_mac"), r.get("pj_per_mac"),
                        r.getOrDefault("pe_gates", ""), r.getOrDefault("pe_flops", "")));
        }
        System.out.print(table);
        Path json = Path.of("target", "formats-measure.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, toJson(out));
        double int8Bytes = (double) ((Map<?, ?>) out.get("int8.systolic16x16")).get("offchip_bytes_per_mac");
        double mxBytes = (double) ((Map<?, ?>) out.get("mxfp4.systolic16x16")).get("offchip_bytes_per_mac");
        assertTrue(mxBytes < 0.8 * int8Bytes, "packed MXFP4 moves fewer off-chip bytes per MAC: " + mxBytes + " vs " + int8Bytes);
    }

    static Map<String, Object> systolic(NumberFormat f, int[] s, TechTable tech) {
        GemmJob job = FormatData.random(f, new Random(14), s[0], s[1], s[2], false, false);
        SystolicConfig base = SystolicConfig.of(16, 16, SystolicConfig.Dataflow.WS).withFormat(f);
        SystolicProgram probe = SystolicCompiler.compile(base, job);
        long bytes = Math.max(1 << 20, Long.highestOneBit(probe.image().size() - 1) << 1);
        int cmds = Math.max(4096, Integer.highestOneBit(probe.commands().size() - 1) << 1);
        SystolicConfig cfg = new SystolicConfig(base.array(), base.memories(), base.offchip().withSize(bytes), cmds);
        Map<String, Object> r = new LinkedHashMap<>();
        try (SystolicDriver d = new SystolicDriver(cfg, new BuildOptions(false, true))) {
            d.simulator().enableToggles(true);
            d.simulator().clearToggles();
            long c0 = d.simulator().cycle();
            SystolicDriver.Result res = d.run(SystolicCompiler.compile(cfg, job), 50_000_000);
            assertNull(GemmGolden.firstMismatch(job.expected(cfg.rows()), res.c()), f + " on the systolic core");
            long offchip = res.get("offchip_bytes_read") + res.get("offchip_bytes_written");
            EnergyReport e = EnergyRun.estimate(d.simulator(), d.simulator().cycle() - c0, offchip, job.macs(), tech);
            fill(r, "systolic", job, res.get("total_cycles"), offchip, e);
            var gates = GateCounts.of(d.simulator().design(), null);
            String pe = f == NumberFormat.INT8 ? "WsPe" : "WsPe_" + f.cliName;
            r.put("pe_gates", gates.get(pe).gates());
            r.put("pe_flops", gates.get(pe).flops());
            Map<String, Object> modules = new LinkedHashMap<>();
            gates.forEach((name, g) -> modules.put(name, Map.of("gates", g.gates(), "flops", g.flops())));
            r.put("module_gates", modules);
        }
        // The PE alone, elaborated as its own top (the same numbers unless firtool specializes across modules).
        var alone = GateCounts.of(Designs.elaborate(() -> f == NumberFormat.INT8 ? new WsPe() : new WsPe(f, base.array().psBits())), null);
        r.put("pe_alone_gates", alone.values().stream().mapToLong(GateCounts.ModuleGates::gates).sum());
        return r;
    }

    static Map<String, Object> simt(NumberFormat f, int[] s, TechTable tech) {
        GemmJob job = FormatData.random(f, new Random(14), s[0], s[1], s[2], false, false);
        SimtConfig cfg = SimtConfig.of(4, 8).withOffchip(OffChipConfig.defaults().withSize(1 << 22));
        Map<String, Object> r = new LinkedHashMap<>();
        try (SimtMachine m = new SimtMachine(cfg, new BuildOptions(false, true))) {
            m.simulator().enableToggles(true);
            m.simulator().clearToggles();
            long c0 = m.simulator().cycle();
            SimtKernels.Run<int[][]> run = f == NumberFormat.INT8 ? SimtKernels.gemm(m, job.a(), job.b(), 500_000_000)
                    : SimtFormatKernels.gemm(m, job, SIMT_TILE, 500_000_000);
            assertNull(GemmGolden.firstMismatch(job.expected(SIMT_TILE), run.output()), f + " on the SIMT core");
            long offchip = run.counters().bytesRead() + run.counters().bytesWritten();
            EnergyReport e = EnergyRun.estimate(m.simulator(), m.simulator().cycle() - c0, offchip, job.macs(), tech);
            fill(r, "simt", job, run.counters().cycles(), offchip, e);
            r.put("ipc", run.counters().ipc());
        }
        return r;
    }

    static void fill(Map<String, Object> r, String core, GemmJob job, long cycles, long offchip, EnergyReport e) {
        r.put("core", core);
        r.put("shape", job.m() + "x" + job.k() + "x" + job.n());
        r.put("macs", job.macs());
        r.put("cycles", cycles);
        r.put("macs_per_cycle", (double) job.macs() / cycles);
        r.put("offchip_bytes", offchip);
        r.put("offchip_bytes_per_mac", (double) offchip / job.macs());
        r.put("pj_per_mac", e.pjPerMac());
        r.put("energy_pj", e.totalPj());
        r.put("breakdown", e.breakdownByKey());
    }

    static String toJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            for (var en : m.entrySet()) b.append(b.length() > 1 ? ", " : "").append('"').append(en.getKey()).append("\": ").append(toJson(en.getValue()));
            return b.append('}').toString();
        }
        if (o instanceof String s) return '"' + s + '"';
        if (o instanceof Double d && !Double.isFinite(d)) return "null";
        return String.valueOf(o);
    }
}
