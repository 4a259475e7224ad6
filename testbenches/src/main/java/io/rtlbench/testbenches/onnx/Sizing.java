package io.rtlbench.testbenches.onnx;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.SystolicCompiler;
import io.rtlbench.testbenches.systolic.SystolicProgram;
import java.util.HashSet;
import java.util.Set;

/**
 * Sizes each core's memories once for all layers of a model (so one emulator build serves the
 * whole run): the systolic core's off-chip memory and command memory fit the largest compiled job
 * (jobs compiled on zero data, one per distinct shape); the SIMT core's global memory fits the
 * largest job's A, B, INT32 C and its requantized copy, plus the kernel.
 */
final class Sizing {
    private Sizing() {}

    static SystolicConfig systolic(ModelPlan plan, ModelRun.Config cfg, OffChipConfig off) {
        SystolicConfig base = SystolicConfig.of(cfg.rows(), cfg.cols(),
                cfg.outputStationary() ? SystolicConfig.Dataflow.OS : SystolicConfig.Dataflow.WS).withOffChip(off);
        long bytes = 1 << 20;
        int cmds = 4096;
        Set<String> seen = new HashSet<>();
        for (Step s : plan.steps()) {
            if (s.kind() != Step.Kind.GEMM) continue;
            for (GemmJobs.Job j : zeroJobs(plan, s)) {
                boolean fused = j.rq() != null && j.rq().uniform();
                if (!seen.add(j.a().length + "x" + j.b().length + "x" + j.b()[0].length + fused)) continue;
                SystolicProgram p = SystolicCompiler.compile(base, new GemmJob(j.a(), j.b(), j.bias(), fused ? j.rq().channel(0) : null));
                bytes = Math.max(bytes, Long.highestOneBit(Math.max(1, p.image().size() - 1)) << 1);
                cmds = Math.max(cmds, Integer.highestOneBit(Math.max(1, p.commands().size() - 1)) << 1);
            }
        }
        if (cmds > 65536) throw new OnnxException("a layer needs more than 65536 systolic commands; the model is too large for the command memory");
        return new SystolicConfig(base.array(), base.memories(), off.withSize(bytes), cmds);
    }

    static SimtConfig simt(ModelPlan plan, ModelRun.Config cfg, OffChipConfig off) {
        long need = 0;
        for (Step s : plan.steps()) {
            if (s.kind() == Step.Kind.LUT || s.kind() == Step.Kind.MAXPOOL)
                need = Math.max(need, plan.qdq().info(s.inputs().get(0)).size() + plan.elements(s) + 256 + 64 * 3);
            if (s.kind() != Step.Kind.GEMM) continue;
            for (GemmJobs.Job j : zeroJobs(plan, s)) {
                long m = j.a().length, k = j.b().length, n = j.b()[0].length;
                need = Math.max(need, m * k + k * n + 4 * m * n + 64 * 4);
                need = Math.max(need, 4 * m * n + m * n + 12 * n + 64 * 5);
            }
        }
        long bytes = Math.max(1 << 20, Long.highestOneBit(need + (1 << 17)) << 1);
        return SimtConfig.of(cfg.warps(), cfg.threads()).withOffchip(off.withSize(bytes));
    }

    static java.util.List<GemmJobs.Job> zeroJobs(ModelPlan plan, Step s) {
        Shapes.Info x = plan.qdq().info(s.inputs().get(0));
        Tensor b = s.gemm().dynamicB() ? Tensor.zeros(plan.qdq().info(s.inputs().get(1)).type(), plan.qdq().info(s.inputs().get(1)).shape()) : null;
        return GemmJobs.jobs(s.gemm(), Tensor.zeros(x.type(), x.shape()), b);
    }
}
