package io.rtlbench.testbenches.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project's own small ONNX models end to end on both cores (4x4 systolic array, 2-warp x
 * 4-thread SIMT core): quantized (FP32 models) or as given (integer model), every layer bit-exact
 * against the golden model, GEMM accumulators identical to ONNX Runtime's, INT8 outputs within
 * 1 LSB of ONNX Runtime's, and the quantization error of FP32 models bounded.
 */
class OnnxModelsTest {
    static final ModelRun.Config CORES = ModelRun.Config.defaults().withCores(4, 4, 2, 4);

    static ModelReport run(Graph g, long seed) {
        ModelPlan plan = ModelPlan.of(g.name(), g, Map.of(), Quantizer.Options.defaults(), null);
        ModelReport r = ModelRun.run(plan, Quantizer.randomInputs(plan.qdq().graph(), seed), CORES, ModelRun.LayerWindow.NONE);
        System.out.println(g.name() + " (seed " + seed + "):\n" + r.table() + r.outputs() + "\n" + r.fp32() + "\nwall " + r.wallSeconds() + " s");
        for (ModelReport.Layer l : r.layers()) {
            assertTrue(!Boolean.FALSE.equals(l.systolic().verified()), l.name() + " systolic: " + l.systolic().mismatch());
            assertTrue(!Boolean.FALSE.equals(l.simt().verified()), l.name() + " simt: " + l.simt().mismatch());
            if (l.ort() != null) {
                assertTrue(!Boolean.FALSE.equals(l.ort().accumulatorsEqual()), l.name() + ": " + l.ort().accumulatorMismatch());
                assertEquals(0, l.ort().offMore(), l.name() + ": INT8 outputs more than 1 LSB from ONNX Runtime's");
            }
        }
        assertTrue(r.verified());
        return r;
    }

    @Test
    void mlp() {
        ModelReport r = run(TestModels.mlp(), 1);
        // the per-layer window hook: one open/close per core step, cycles as reported
        long[] seen = new long[4];
        ModelPlan plan = ModelPlan.of("mlp", TestModels.mlp(), Map.of(), Quantizer.Options.defaults(), null);
        ModelRun.run(plan, Quantizer.randomInputs(plan.qdq().graph(), 1), CORES.withOrtChecks(false), new ModelRun.LayerWindow() {
            @Override public void open(Step s, ModelPlan.Core core, io.rtlbench.emulator.Simulator sim) { seen[core.ordinal()]++; }
            @Override public void close(Step s, ModelPlan.Core core, io.rtlbench.emulator.Simulator sim, long cycles, long bytes, long macs) {
                seen[2 + core.ordinal()] += cycles;
            }
        });
        assertEquals(2, seen[0], "systolic windows: the two GEMM layers");
        assertEquals(2, seen[1], "SIMT windows");
        assertEquals(r.systolic().cycles(), seen[2]);
        assertEquals(r.simt().cycles(), seen[3]);
        assertEquals(r.systolic().macsTotal(), r.systolic().macsNative(), "every MAC of the MLP runs on the systolic array");
        assertTrue(r.fp32().get(0).relRmsError() < 0.05, "quantization error " + r.fp32().get(0));
    }

    @Test
    void cnnWithBatchNormDepthwiseAndPooling() {
        ModelReport r = run(TestModels.cnn(), 2);
        assertTrue(r.fp32().get(0).relRmsError() < 0.1, "quantization error " + r.fp32().get(0));
        assertTrue(r.simt().opFraction() > r.systolic().opFraction(), "the SIMT core runs the lookup tables the array cannot");
    }

    @Test
    void attentionWithSoftmax() {
        ModelReport r = run(TestModels.attention(), 3);
        assertTrue(r.fp32().get(0).relRmsError() < 0.1, "quantization error " + r.fp32().get(0));
        assertTrue(r.layers().stream().anyMatch(l -> l.ops().equals("Softmax") && l.systolic().placement() == ModelPlan.Placement.HOST));
    }

    /** The CNN quantized to ONNX Runtime's usual form (UINT8 activations), written as a QDQ file and read back as a given QDQ model. */
    @Test
    void qdqModelRunsAsGiven() {
        Graph fp32 = TestModels.cnn();
        ModelPlan q = ModelPlan.of("cnn", fp32, Map.of(), Quantizer.Options.defaults().withUint8(true), null);
        Graph qdq = OnnxFile.parse(OnnxFile.toBytes(q.qdq().graph()), "cnn-qdq.onnx");
        assertTrue(qdq.nodes().stream().anyMatch(n -> n.op().equals("DequantizeLinear")));
        assertTrue(qdq.initializers().values().stream().anyMatch(t -> t.type() == DType.UINT8));
        ModelReport r = run(new Graph("cnn-qdq", qdq.nodes(), qdq.initializers(), qdq.inputs(), qdq.outputs(), qdq.opset(), qdq.otherOpsets()), 5);
        assertTrue(!r.fp32Model(), "a QDQ file runs as given, not re-quantized");
        assertEquals(4, r.layers().stream().filter(l -> l.kind() == Step.Kind.GEMM).count());
    }

    @Test
    void integerOperatorsRunAsGiven() {
        ModelReport r = run(TestModels.qlinear(), 4);
        assertEquals(4, r.layers().stream().filter(l -> l.kind() == Step.Kind.GEMM).count());
        assertTrue(!r.fp32Model());
    }
}
