package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Post-training quantization of an FP32 model into a QDQ model: BatchNorm and MatMul+Add folded
 * ({@link FloatRewrites}), the graph split into {@link Units}, every unit output calibrated on N
 * inputs with ONNX Runtime (min/max over all runs) and quantized per tensor to INT8 (symmetric,
 * or zero point -128 for a non-negative range; a fused Clip(0, hi) uses exactly [0, hi]; layout
 * and max-pool outputs keep their input's parameters). Weights are symmetric INT8, per output
 * channel by default (scale = max|w| / 127), biases INT32 at scale x_scale * w_scale. The result
 * is a standard QDQ graph (QuantizeLinear/DequantizeLinear pairs, opset >= 13) any ONNX tool runs.
 */
public final class Quantizer {
    private Quantizer() {}

    /**
     * @param calibrationInputs random inputs to calibrate on when the caller gives none
     * @param perChannelWeights per output channel weight scales (else one per tensor)
     * @param uint8Activations activations as UINT8 with zero point z + 128 (ONNX Runtime's default form) instead of INT8
     */
    public record Options(int calibrationInputs, long seed, boolean perChannelWeights, boolean uint8Activations) {
        public static Options defaults() { return new Options(4, 1, true, false); }
        public Options withPerChannel(boolean on) { return new Options(calibrationInputs, seed, on, uint8Activations); }
        public Options withUint8(boolean on) { return new Options(calibrationInputs, seed, perChannelWeights, on); }
    }

    /** The rewritten FP32 model (what was quantized) and its QDQ form with the chosen parameters. */
    public record Result(Shapes.Static fp32, Shapes.Static qdq, Map<String, QParams> params) {}

    /** Random N(0, 1) values for every float input (UINT8/INT8 inputs uniform), from a seed. */
    public static Map<String, Tensor> randomInputs(Graph g, long seed) {
        Random r = new Random(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Graph.ValueInfo v : g.inputs()) {
            int n = Tensor.size(v.shape());
            if (v.type() == DType.FLOAT) {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) f[i] = (float) r.nextGaussian();
                m.put(v.name(), Tensor.ofFloats(v.shape(), f));
            } else {
                long[] l = new long[n];
                for (int i = 0; i < n; i++) l[i] = Math.max(v.type().min(), Math.min(v.type().max(), r.nextInt(256) - (v.type() == DType.INT8 ? 128 : 0)));
                m.put(v.name(), Tensor.ofLongs(v.type(), v.shape(), l));
            }
        }
        return m;
    }

    public static Result quantize(Shapes.Static model, List<Map<String, Tensor>> calibration, Options o) {
        if (calibration.isEmpty()) throw new OnnxException("calibration needs at least one input");
        Shapes.Static s = FloatRewrites.apply(OpsetUpgrade.to13(model));
        Graph g = s.graph();
        List<Units.Unit> units = Units.split(s);
        // values to quantize: float graph inputs and unit outputs
        List<String> values = new ArrayList<>();
        for (Graph.ValueInfo v : g.inputs()) if (v.type() == DType.FLOAT) values.add(v.name());
        Map<String, Units.Unit> unitOf = new HashMap<>();
        for (Units.Unit u : units) {
            if (!s.info(u.output()).type().isFloat()) continue;
            values.add(u.output());
            unitOf.put(u.output(), u);
        }
        Set<String> symmetric = new HashSet<>();
        for (Units.Unit u : units)
            if (u.kind() == Units.Kind.GEMM && u.nodes().get(0).op().equals("MatMul") && !g.isConstant(u.nodes().get(0).input(1)))
                symmetric.add(u.nodes().get(0).input(1));
        double[][] range = calibrate(s, values, calibration);
        Map<String, QParams> params = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            Units.Unit u = unitOf.get(v);
            QParams p;
            if (u != null && (u.kind() == Units.Kind.LAYOUT || u.kind() == Units.Kind.MAXPOOL) && params.containsKey(u.inputs().get(0))
                    && !(symmetric.contains(v) && params.get(u.inputs().get(0)).zero8() != 0)) {
                p = params.get(u.inputs().get(0));
            } else if (u != null && u.kind() == Units.Kind.GEMM && u.nodes().size() == 2 && u.nodes().get(1).op().equals("Clip")
                    && HostOps.clipBounds(u.nodes().get(1), g)[1] < 1e30) {
                p = QParams.nonNegative(HostOps.clipBounds(u.nodes().get(1), g)[1]);
            } else if (u != null && u.nodes().get(0).op().equals("Softmax")) {
                p = QParams.nonNegative(1.0);
            } else if (range[i][0] >= 0 && !symmetric.contains(v)) {
                p = QParams.nonNegative(range[i][1]);
            } else {
                p = QParams.symmetric(Math.max(-range[i][0], range[i][1]));
            }
            params.put(v, o.uint8Activations() && p.type() == DType.INT8 ? new QParams(p.scale(), p.zeroPoint() + 128, DType.UINT8) : p);
        }
        Graph q = QdqWriter.write(s, units, params, o.perChannelWeights());
        return new Result(s, Shapes.infer(q, Map.of()), params);
    }

    /** min and max of each value over the calibration inputs (ONNX Runtime on the FP32 graph). */
    static double[][] calibrate(Shapes.Static s, List<String> values, List<Map<String, Tensor>> inputs) {
        double[][] r = new double[values.size()][];
        for (int i = 0; i < r.length; i++) r[i] = new double[] {Double.MAX_VALUE, -Double.MAX_VALUE};
        try (Ort ort = new Ort(Ort.exposing(s, values))) {
            for (Map<String, Tensor> in : inputs) {
                Map<String, Tensor> out = ort.run(in, values);
                for (int i = 0; i < r.length; i++) {
                    Tensor t = out.get(values.get(i));
                    for (int k = 0; k < t.size(); k++) { r[i][0] = Math.min(r[i][0], t.get(k)); r[i][1] = Math.max(r[i][1], t.get(k)); }
                }
            }
        }
        return r;
    }
}
