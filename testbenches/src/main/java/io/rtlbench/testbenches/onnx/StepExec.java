package io.rtlbench.testbenches.onnx;

import io.rtlbench.emulator.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one step on one core's system (or the golden model) and stores its output value. GEMM jobs go
 * to the core (golden: {@link GemmJobs.Job#golden}); lookup tables to the SIMT core or the host;
 * everything else to the host, on INT8 values (max pool, layout) or by running the step's ONNX
 * nodes in FP32 ({@link HostRun}).
 */
final class StepExec {
    private StepExec() {}

    /** Cycles, off-chip bytes and host elements of one step on one core. */
    record Cost(long cycles, long offchipBytes, long hostElements) {}

    /** Where the work goes: null backends = golden model (everything in Java). */
    record Target(ModelPlan.Core core, SystolicBackend systolic, SimtBackend simt, ModelRun.LayerWindow window, long maxCycles) {
        Simulator simulator() {
            return systolic != null ? systolic.driver().simulator() : simt != null ? simt.machine().simulator() : null;
        }
    }

    static Cost run(ModelPlan plan, Step s, Map<String, Tensor> values, Target t) {
        Graph g = plan.qdq().graph();
        long elements = plan.elements(s);
        switch (s.kind()) {
            case GEMM -> {
                GemmSpec sp = s.gemm();
                Tensor x = values.get(s.inputs().get(0)), b = sp.dynamicB() ? values.get(s.inputs().get(1)) : null;
                List<GemmJobs.Job> jobs = GemmJobs.jobs(sp, x, b);
                List<int[][]> outs = new ArrayList<>();
                long cycles = 0, bytes = 0, host = 0;
                boolean core = t.core() != null;
                if (core) t.window().open(s, t.core(), t.simulator());
                for (GemmJobs.Job j : jobs) {
                    CoreRun r = t.systolic() != null ? t.systolic().gemm(j, t.maxCycles()) : t.simt() != null ? t.simt().gemm(j, t.maxCycles()) : null;
                    outs.add(r == null ? j.golden() : r.out());
                    if (r != null) { cycles += r.cycles(); bytes += r.offchipBytes(); host += r.hostElements(); }
                }
                if (core) t.window().close(s, t.core(), t.simulator(), cycles, bytes, plan.macs(s));
                values.put(s.output(), GemmJobs.assemble(sp, x, b, jobs, outs));
                return new Cost(cycles, bytes, host);
            }
            case LUT -> {
                Tensor x = values.get(s.inputs().get(0));
                byte[] x8 = x.toInt8Shifted();
                DType outType = plan.qdq().info(s.output()).type();
                byte[] y;
                Cost c;
                if (t.simt() != null) {
                    t.window().open(s, t.core(), t.simulator());
                    CoreRun r = t.simt().lut(x8, s.table(), t.maxCycles());
                    t.window().close(s, t.core(), t.simulator(), r.cycles(), r.offchipBytes(), 0);
                    y = new byte[x8.length];
                    for (int i = 0; i < y.length; i++) y[i] = (byte) r.out()[0][i];
                    c = new Cost(r.cycles(), r.offchipBytes(), 0);
                } else {
                    y = lookup(x8, s.table());
                    c = new Cost(0, 0, t.core() == null ? 0 : elements);
                }
                values.put(s.output(), fromInt8(outType, x.shape(), y));
                return c;
            }
            case MAXPOOL -> {
                Node pool = s.body().get(0);
                Tensor x = values.get(s.inputs().get(0));
                DType outType = plan.qdq().info(s.output()).type();
                if (t.simt() != null && ModelPlan.placement(s, ModelPlan.Core.SIMT) == ModelPlan.Placement.SIMT) {
                    ConvGeometry geo = ConvGeometry.of(pool, x.shape(), null);
                    t.window().open(s, t.core(), t.simulator());
                    CoreRun r = t.simt().maxPool(x.toInt8Shifted(), geo, s.table(), t.maxCycles());
                    t.window().close(s, t.core(), t.simulator(), r.cycles(), r.offchipBytes(), 0);
                    byte[] y = new byte[r.out()[0].length];
                    for (int i = 0; i < y.length; i++) y[i] = (byte) r.out()[0][i];
                    values.put(s.output(), fromInt8(outType, plan.qdq().info(s.output()).shape(), y));
                    return new Cost(r.cycles(), r.offchipBytes(), 0);
                }
                Tensor pooled = HostOps.eval(pool, List.of(x.toFloat()), false, g.opset()).get(0);  // INT8 values are exact in FP32
                byte[] p8 = new byte[pooled.size()];
                for (int i = 0; i < p8.length; i++) p8[i] = (byte) ((long) pooled.floats()[i] - (x.type() == DType.UINT8 ? 128 : 0));
                values.put(s.output(), fromInt8(outType, pooled.shape(), lookup(p8, s.table())));
                return new Cost(0, 0, t.core() == null ? 0 : elements);
            }
            case LAYOUT -> {
                Node op = s.body().get(0);
                Map<String, Node> prod = g.producers();
                List<String> in = op.inputs().stream().map(v -> prod.containsKey(v) && prod.get(v).op().equals("DequantizeLinear")
                        && !g.isConstant(prod.get(v).input(0)) ? prod.get(v).input(0) : v).toList();
                HostRun.run(g, List.of(op.withInputs(in).withOutputs(List.of(s.output()))), values);
                return new Cost(0, 0, 0);
            }
            default -> {
                HostRun.run(g, s.nodes(), values);
                return new Cost(0, 0, t.core() == null ? 0 : elements);
            }
        }
    }

    static byte[] lookup(byte[] x8, byte[] table) {
        byte[] y = new byte[x8.length];
        for (int i = 0; i < y.length; i++) y[i] = table[x8[i] + 128];
        return y;
    }

    static Tensor fromInt8(DType t, int[] shape, byte[] v8) {
        long[] l = new long[v8.length];
        for (int i = 0; i < l.length; i++) l[i] = v8[i] + (t == DType.UINT8 ? 128 : 0);
        return Tensor.ofLongs(t, shape, l);
    }
}
