package io.rtlbench.testbenches.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model ready to run: the imported graph with static shapes, its quantized form (the file's own
 * QDQ / QLinear graph, or the post-training quantization of an FP32 model), and the steps it
 * lowers to, with where each step runs on each core.
 *
 * @param source the imported graph (for FP32 models: the FP32 reference)
 * @param quantization the quantizer's result for an FP32 model, null for an already quantized one
 * @param qdq the graph the cores run (QDQ / QLinear)
 * @param steps the lowered layers
 */
public record ModelPlan(String name, Shapes.Static source, Quantizer.Result quantization, Shapes.Static qdq, List<Step> steps) {

    public enum Placement { SYSTOLIC, SIMT, HOST }

    public enum Core { SYSTOLIC, SIMT }

    static final Set<String> QUANT_OPS = Set.of("QuantizeLinear", "DequantizeLinear", "QLinearConv", "QLinearMatMul",
            "MatMulInteger", "ConvInteger", "DynamicQuantizeLinear");

    /** Reads, shapes, quantizes (FP32 models, calibrated on {@code calibration} or on random inputs) and lowers a model file. */
    public static ModelPlan load(Path file, Map<String, int[]> shapes, Quantizer.Options q, List<Map<String, Tensor>> calibration) {
        return of(file.getFileName().toString(), OnnxFile.read(file), shapes, q, calibration);
    }

    public static ModelPlan of(String name, Graph g, Map<String, int[]> shapes, Quantizer.Options q, List<Map<String, Tensor>> calibration) {
        Shapes.Static s = Shapes.infer(g, shapes);
        boolean quantized = s.graph().nodes().stream().anyMatch(n -> QUANT_OPS.contains(n.op()));
        Quantizer.Result qr = null;
        Shapes.Static qdq = s;
        if (!quantized) {
            List<Map<String, Tensor>> cal = calibration;
            if (cal == null || cal.isEmpty()) {
                cal = new ArrayList<>();
                for (int i = 0; i < q.calibrationInputs(); i++) cal.add(Quantizer.randomInputs(s.graph(), q.seed() + i));
            }
            qr = Quantizer.quantize(s, cal, q);
            qdq = qr.qdq();
        }
        return new ModelPlan(name, s, qr, qdq, Plan.lower(qdq));
    }

    public boolean fp32Model() { return quantization != null; }

    /** Where a step runs on a core: GEMMs on either core; lookup tables and max pools on the SIMT core; the rest on the host. */
    public static Placement placement(Step s, Core core) {
        return switch (s.kind()) {
            case GEMM -> core == Core.SYSTOLIC ? Placement.SYSTOLIC : Placement.SIMT;
            case LUT -> core == Core.SIMT ? Placement.SIMT : Placement.HOST;
            case MAXPOOL -> core == Core.SIMT && s.body().get(0).op().equals("MaxPool") ? Placement.SIMT : Placement.HOST;
            default -> Placement.HOST;
        };
    }

    /** True when the systolic core's per-layer requantization cannot serve the step (per-channel multipliers). */
    public static boolean hostRequant(Step s, Core core) {
        if (core != Core.SYSTOLIC || s.kind() != Step.Kind.GEMM || s.gemm().rq() == null) return false;
        int per = s.gemm().outChannels() / s.gemm().groups();  // each group is its own job with its own requantization
        for (int g = 0; g < s.gemm().groups(); g++) if (!s.gemm().rq().slice(g * per, per).uniform()) return true;
        return false;
    }

    /** Why a step runs where it does, for the reports ("" for a GEMM on both cores). */
    public static String note(Step s) {
        String ops = s.ops();
        return switch (s.kind()) {
            case GEMM -> hostRequant(s, Core.SYSTOLIC) ? "per-channel scales: the array's requantization is per layer, the host requantizes" : "";
            case LUT -> "elementwise: a 256-entry table on the SIMT core; the array has no such unit";
            case MAXPOOL -> "max pool: a SIMT kernel (with the requantization table); the array has none";
            case LAYOUT -> "data movement only";
            case HOST_QUANT -> s.body().stream().anyMatch(n -> Set.of("Conv", "MatMul", "Gemm").contains(n.op()))
                    ? "GEMM whose quantization the integer pipeline cannot express (" + ops + ")" : "no kernel for " + ops;
            case HOST_FLOAT -> s.body().isEmpty() ? "dequantize the output" : "not quantized: FP32 on the host";
        };
    }

    /** Multiply-accumulates of a step's compute nodes (Conv / MatMul / Gemm and their integer forms). */
    public long macs(Step s) {
        long m = 0;
        for (Node n : s.body()) m += macs(n, qdq);
        return m;
    }

    static long macs(Node n, Shapes.Static s) {
        String op = n.op();
        if (op.contains("Conv")) {
            int[] w = s.info(n.input(op.equals("QLinearConv") ? 3 : 1)).shape(), y = s.info(n.output()).shape();
            return (long) Tensor.size(y) * Tensor.size(w) / w[0];
        }
        if (op.contains("MatMul") || op.equals("Gemm")) {
            int[] a = s.info(n.input(0)).shape(), y = s.info(n.output()).shape();
            int k = op.equals("Gemm") && n.attrInt("transA", 0) != 0 ? a[0] : a[a.length - 1];
            return (long) Tensor.size(y) * k;
        }
        return 0;
    }

    /** A short shape description: "conv 3x3/2 3->8 @48x192 g1" or "gemm 1x200x2". */
    public String shape(Step s) {
        if (s.kind() != Step.Kind.GEMM) {
            Shapes.Info o = qdq.values().get(s.output());
            return o == null ? "" : java.util.Arrays.toString(o.shape());
        }
        GemmSpec g = s.gemm();
        int[] x = qdq.info(s.inputs().get(0)).shape();
        if (g.conv()) {
            ConvGeometry c = ConvGeometry.of(g.node(), x, g.weightShape());
            return "conv " + c.kh() + "x" + c.kw() + "/" + c.sh() + " " + c.cin() + "->" + g.outChannels() + " @" + c.h() + "x" + c.w()
                    + (g.groups() > 1 ? " g" + g.groups() : "");
        }
        int k = x[x.length - 1], m = Tensor.size(x) / k;
        int n = g.dynamicB() ? qdq.info(s.inputs().get(1)).shape()[qdq.info(s.inputs().get(1)).shape().length - 1] : g.outChannels();
        return "gemm " + m + "x" + k + "x" + n;
    }

    /** Output elements of a step. */
    public long elements(Step s) {
        Shapes.Info o = qdq.values().get(s.output());
        return o == null ? 0 : o.size();
    }
}
