package io.rtlbench.tools.run;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.SystolicCompiler;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.testbenches.systolic.SystolicProgram;
import io.rtlbench.testbenches.systolic.Workload;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.tools.Json;
import io.rtlbench.tools.RunCommand;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rtlbench run --core systolic}: compiles the workload for the configured array, runs it on
 * the emulated SoC (core + off-chip memory model), verifies every element against the golden model,
 * prints the counters and writes them as JSON. Off-chip memory and command memory are sized to the
 * program (powers of two, at least 1 MiB and 4096 commands).
 */
public final class SystolicRun {
    private SystolicRun() {}

    public static int run(RunCommand o) {
        SystolicConfig.Dataflow df = switch (o.dataflow.toLowerCase(Locale.ROOT)) {
            case "ws" -> SystolicConfig.Dataflow.WS;
            case "os" -> SystolicConfig.Dataflow.OS;
            default -> throw new IllegalArgumentException("unknown dataflow '" + o.dataflow + "': use ws or os");
        };
        OffChipConfig off = OffChipConfig.defaults().withLatency(o.offchipLatency);
        if (o.offchipBandwidth != null) off = off.withBandwidth(o.offchipBandwidth);
        SystolicConfig cfg = SystolicConfig.of(o.rows, o.cols, df).withOffChip(off);
        Workload w = Workload.parse(o.workload, o.seed, DataPattern.parse(o.data));
        SystolicProgram p = SystolicCompiler.compile(cfg, w.job());
        long size = Math.max(1L << 20, Long.highestOneBit(Math.max(1, p.image().size() - 1)) << 1);
        int depth = Math.max(4096, Integer.highestOneBit(Math.max(1, p.commands().size() - 1)) << 1);
        if (depth > 65536) throw new IllegalArgumentException("workload needs " + p.commands().size() + " commands; at most 65536 fit");
        cfg = new SystolicConfig(cfg.array(), cfg.memories(), off.withSize(size), depth);
        p = SystolicCompiler.compile(cfg, w.job());

        long t0 = System.nanoTime();
        SystolicDriver.Result r;
        Map<String, Object> extra = new LinkedHashMap<>();
        try (SystolicDriver d = new SystolicDriver(cfg, RunExtras.options(o))) {
            RunExtras x = RunExtras.begin(o, d.simulator());
            r = d.run(p, o.maxCycles);
            x.finish(extra, r.get("offchip_bytes_read") + r.get("offchip_bytes_written"), r.get("macs"));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String mismatch = GemmGolden.firstMismatch(w.job().expected(), r.c());
        long total = r.get("total_cycles");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("core", "systolic");
        json.put("workload", o.workload);
        json.put("seed", o.seed);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rows", cfg.rows());
        c.put("cols", cfg.cols());
        c.put("dataflow", df.name().toLowerCase(Locale.ROOT));
        c.put("spad_rows", cfg.memories().spadRows());
        c.put("acc_rows", cfg.memories().accRows());
        c.put("offchip_bus_bytes", off.busBytes());
        c.put("offchip_bytes_per_cycle", off.bytesPerCycle());
        c.put("offchip_latency_cycles", off.latencyCycles());
        json.put("config", c);
        json.put("verified", mismatch == null);
        if (mismatch != null) json.put("first_mismatch", mismatch);
        json.put("m", w.job().m());
        json.put("k", w.job().k());
        json.put("n", w.job().n());
        json.put("expected_macs", w.job().macs());
        json.putAll(r.counters());
        json.put("utilization", (double) r.get("macs") / ((double) cfg.rows() * cfg.cols() * total));
        json.put("compute_utilization", (double) r.get("macs") / ((double) cfg.rows() * cfg.cols() * Math.max(1, r.get("compute_cycles"))));
        json.put("offchip_bytes", r.get("offchip_bytes_read") + r.get("offchip_bytes_written"));
        json.put("emulator_seconds", seconds);
        json.putAll(extra);
        for (var e : json.entrySet())
            if (!(e.getValue() instanceof Map)) System.out.printf(Locale.ROOT, "%-26s %s%n", e.getKey(),
                    e.getValue() instanceof Double v ? String.format(Locale.ROOT, "%.4f", v) : e.getValue());
        if (o.json != null) Json.writeFile(o.json, json);
        if (mismatch != null) {
            System.err.println("rtlbench: MISMATCH (seed " + o.seed + "): " + mismatch);
            return 1;
        }
        return 0;
    }
}
