package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.WorkloadLibrary;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Full-size layers on the 16x16 weight-stationary array with the default (Gemmini-sized) memories,
 * fully emulated and verified, against SCALE-Sim's per-fold formula ({@link SystolicPerfTest#scaleSim}):
 * ResNet-50 CB2a_2 as SCALE-Sim ships it (topologies/conv_nets/Resnet50.csv: 56x56x64, 3x3, 64
 * filters, no padding: GEMM 2916 x 576 x 64, 426,527 cycles), and every conv layer of
 * {@code resnet50.layers}. Prints the table; each layer must need no more cycles than the formula.
 */
@Tag("slow")
class SystolicRealLayersTest {
    static final SystolicConfig WS16 = SystolicConfig.of(16, 16, Dataflow.WS);
    /** One emulator for every layer here, sized once (as a host does for a run): 64 Ki commands, 16 MiB off-chip. */
    static final SystolicConfig SIZED = new SystolicConfig(WS16.array(), WS16.memories(), WS16.offchip().withSize(1 << 24), 1 << 16);

    /** Runs an M x K x N GEMM with random data; returns total cycles after checking it bit-exact. */
    static long run(int m, int k, int n, boolean int8Out, String what) {
        SystolicConfig cfg = SIZED;
        Random rnd = new Random(SEED ^ what.hashCode());
        GemmJob job = randomJob(rnd, m, k, n, false);
        if (int8Out) job = new GemmJob(job.a(), job.b(), null, new Requant(1, 10, true));
        SystolicProgram p = SystolicCompiler.compile(cfg, job);
        SystolicSizing.Requirements req = SystolicSizing.requirements(cfg, m, k, n, false, int8Out, WeightStructure.DENSE);
        assertTrue(req.commands() == p.commands().size() && req.applyTo(cfg).equals(cfg), what + ": " + req + " does not fit " + cfg);
        long t0 = System.nanoTime();
        SystolicDriver.Result r = driver(cfg).run(p, 100_000_000);
        assertTrue(GemmGolden.firstMismatch(job.expected(), r.c()) == null, what + ": " + GemmGolden.firstMismatch(job.expected(), r.c()));
        long total = r.get("total_cycles");
        System.out.printf(Locale.ROOT, "%s %dx%dx%d%s: %s; total %d compute %d, %d commands, %.1f s; %s%n", what, m, k, n, int8Out ? " (INT8 out)" : "", p.mapping(), total,
                r.get("compute_cycles"), p.commands().size(), (System.nanoTime() - t0) / 1e9, r.counters());
        return total;
    }

    @Test void resnet50Cb2a2BeatsScaleSim() {
        long total = run(2916, 576, 64, false, "CB2a_2"), scaleSim = SystolicPerfTest.scaleSim(Dataflow.WS, 16, 16, 2916, 576, 64);
        assertTrue(scaleSim == 426_527 && total < scaleSim, "CB2a_2: total_cycles " + total + " vs SCALE-Sim " + scaleSim);
    }

    @Test void everyResnet50ConvLayerWithinScaleSimFormula() {
        StringBuilder table = new StringBuilder("| layer | GEMM M x K x N | SCALE-Sim formula | rtlbench total_cycles | ratio |\n|---|---|---|---|---|\n");
        boolean ok = true;
        for (Layer l : WorkloadLibrary.load("resnet50", 1.0).layers()) {
            if (l.kind() != Layer.Kind.CONV) continue;
            Layer.Gemm g = l.gemmShape();
            long ours = run(g.m(), g.k(), g.n(), true, l.name()), formula = SystolicPerfTest.scaleSim(Dataflow.WS, 16, 16, g.m(), g.k(), g.n());
            table.append(String.format(Locale.ROOT, "| %s | %d x %d x %d | %,d | %,d | %.3f |%n", l.name(), g.m(), g.k(), g.n(), formula, ours,
                    (double) ours / formula));
            ok &= ours <= formula;
        }
        System.out.print(table);
        assertTrue(ok, "a layer needs more cycles than SCALE-Sim's formula:\n" + table);
    }
}
