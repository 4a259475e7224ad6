package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model outputs at the end of a run: against ONNX Runtime running the whole quantized model
 * node by node (an output that is the DequantizeLinear of an INT8 value is compared as that INT8
 * value, in LSB), and for an FP32 model against ONNX Runtime running the FP32 model (the
 * quantization error: max |error|, RMS error relative to the RMS of the FP32 output, whether the
 * arg-max agrees).
 */
final class Outputs {
    private Outputs() {}

    static List<ModelReport.OutputCheck> quantized(ModelPlan plan, Map<String, Tensor> inputs, Map<String, Tensor> golden) {
        Shapes.Static s = plan.qdq();
        Map<String, Node> prod = s.graph().producers();
        List<String> names = new ArrayList<>();
        for (Graph.ValueInfo o : s.graph().outputs()) {
            Node p = prod.get(o.name());
            names.add(p != null && p.op().equals("DequantizeLinear") && !s.graph().isConstant(p.input(0)) ? p.input(0) : o.name());
        }
        Map<String, Tensor> ort;
        try (Ort o = new Ort(Ort.exposing(s, names), false)) {
            ort = o.run(inputs, names);
        }
        List<ModelReport.OutputCheck> out = new ArrayList<>();
        for (String n : names) {
            double[] c = OrtChecks.compare(ort.get(n), golden.get(n));
            out.add(new ModelReport.OutputCheck(n, (long) c[0], (long) c[1], (long) c[2], c[3]));
        }
        return out;
    }

    static List<ModelReport.Fp32Check> fp32(ModelPlan plan, Map<String, Tensor> inputs, Map<String, Tensor> golden) {
        List<String> names = plan.source().graph().outputs().stream().map(Graph.ValueInfo::name).toList();
        Map<String, Tensor> ref = Ort.run(plan.source().graph(), inputs, names);
        List<ModelReport.Fp32Check> out = new ArrayList<>();
        for (String n : names) {
            Tensor f = ref.get(n), q = golden.get(n);
            double max = 0, se = 0, sf = 0;
            int af = 0, aq = 0;
            for (int i = 0; i < f.size(); i++) {
                double d = f.get(i) - q.get(i);
                max = Math.max(max, Math.abs(d));
                se += d * d;
                sf += f.get(i) * f.get(i);
                if (f.get(i) > f.get(af)) af = i;
                if (q.get(i) > q.get(aq)) aq = i;
            }
            out.add(new ModelReport.Fp32Check(n, max, sf == 0 ? 0 : Math.sqrt(se / sf), f.size() > 1 ? af == aq : null));
        }
        return out;
    }
}
