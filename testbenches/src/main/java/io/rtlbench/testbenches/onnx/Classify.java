package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Classifies the body of a quantized region (see {@link Plan}) into a step kind and builds its integer parameters. */
final class Classify {
    private Classify() {}

    static Step quantized(Shapes.Static s, Map<String, Node> prod, int index, List<Node> body, Node q) {
        Graph g = s.graph();
        Set<Node> in = new java.util.HashSet<>(body);
        LinkedHashSet<Node> dqs = new LinkedHashSet<>();
        LinkedHashSet<String> acts = new LinkedHashSet<>(), floats = new LinkedHashSet<>();
        List<Node> readers = new ArrayList<>(body);
        readers.add(q);
        for (Node n : readers)
            for (String v : n.inputs()) {
                if (v.isEmpty() || g.isConstant(v)) continue;
                Node p = prod.get(v);
                if (p != null && in.contains(p)) continue;
                if (p != null && p.op().equals("DequantizeLinear")) {
                    dqs.add(p);
                    if (!g.isConstant(p.input(0))) acts.add(p.input(0));
                } else floats.add(v);
            }
        List<Node> nodes = new ArrayList<>(dqs);
        nodes.addAll(body);
        nodes.add(q);
        List<String> inputs = new ArrayList<>(acts);
        inputs.addAll(floats);
        String name = body.isEmpty() ? q.name() : body.get(0).name();
        QParams y = params(g, q);
        boolean perTensorActs = dqs.stream().filter(d -> !g.isConstant(d.input(0))).allMatch(d -> params(g, d) != null);
        Step.Kind kind = Step.Kind.HOST_QUANT;
        GemmSpec gemm = null;
        byte[] table = null;
        if (floats.isEmpty() && y != null && perTensorActs && !acts.isEmpty()) {
            String op = body.isEmpty() ? "" : body.get(0).op();
            boolean oneAct = acts.size() == 1;
            boolean sameShape = java.util.Arrays.equals(s.info(acts.iterator().next()).shape(), s.info(q.output()).shape());
            if (Set.of("Conv", "MatMul", "Gemm").contains(op) && body.size() <= 2) {
                gemm = GemmBuild.fromQdq(s, prod, body, y);
                if (gemm != null) kind = Step.Kind.GEMM;
            } else if (oneAct && sameShape && body.stream().allMatch(n -> HostOps.ELEMENTWISE.contains(n.op()) && scalarConsts(g, n))) {
                kind = Step.Kind.LUT;
            } else if (oneAct && body.size() == 1 && (op.equals("MaxPool") || op.equals("GlobalMaxPool")) && body.get(0).outputs().size() == 1) {
                kind = Step.Kind.MAXPOOL;
            } else if (oneAct && body.size() == 1 && HostLayout.PURE.contains(op) && y.equals(params(g, dqs.iterator().next()))) {
                kind = Step.Kind.LAYOUT;
            }
            if (kind == Step.Kind.LUT || kind == Step.Kind.MAXPOOL) table = table(g, nodes, body, acts.iterator().next(), s, q);
        }
        return new Step(index, kind, name, nodes, body, inputs, q.output(), gemm, table);
    }

    static boolean scalarConsts(Graph g, Node n) {
        return n.inputs().stream().allMatch(v -> v.isEmpty() || !g.isConstant(v) || g.constant(v).size() == 1);
    }

    /** Per-tensor parameters of a Q or DQ node (constant scale and zero point), or null. */
    static QParams params(Graph g, Node n) {
        if (!g.isConstant(n.input(1)) || g.constant(n.input(1)).size() != 1) return null;
        Tensor z = n.hasInput(2) ? g.constant(n.input(2)) : null;
        if (n.hasInput(2) && (z == null || z.size() != 1)) return null;
        DType t = z == null ? DType.UINT8 : z.type();
        if (t != DType.INT8 && t != DType.UINT8) return null;
        return new QParams((float) g.constant(n.input(1)).get(0), z == null ? 0 : (int) z.getLong(0), t);
    }

    /**
     * The 256-entry table: entry i is the step's INT8-domain output for INT8-domain input i - 128,
     * computed by running the step's own nodes on the host (elementwise steps), or the requantization
     * from input to output parameters (max pool: max commutes with the monotonic table).
     */
    static byte[] table(Graph g, List<Node> nodes, List<Node> body, String act, Shapes.Static s, Node q) {
        DType t = s.info(act).type();
        long[] all = new long[256];
        for (int i = 0; i < 256; i++) all[i] = t == DType.UINT8 ? i : i - 128;
        Map<String, Tensor> v = new HashMap<>();
        v.put(act, Tensor.ofLongs(t, new int[] {256}, all));
        List<Node> run = new ArrayList<>(nodes);
        if (!body.isEmpty() && body.get(0).op().contains("Pool")) {  // max pool: requantize only (max commutes with it)
            Node pool = body.get(0);
            run.remove(pool);
            run = run.stream().map(n -> n == q ? n.withInputs(List.of(pool.input(0), q.input(1), q.input(2))) : n).toList();
        }
        HostRun.run(g, run, v);
        Tensor out = v.get(q.output());
        byte[] table = new byte[256];
        for (int i = 0; i < 256; i++) table[i] = (byte) (out.type() == DType.UINT8 ? out.getLong(i) - 128 : out.getLong(i));
        return table;
    }

    static boolean integerGemmOk(Graph g, Node n) {
        List<Integer> consts = switch (n.op()) {
            case "QLinearConv" -> List.of(1, 2, 3, 4, 5, 6, 7);
            case "QLinearMatMul" -> List.of(1, 2, 3, 4, 5, 6, 7);
            default -> List.of(1);
        };
        for (int i : consts) if (!g.isConstant(n.input(i))) return false;
        for (int i = 2; i < n.inputs().size(); i++) if (n.hasInput(i) && !g.isConstant(n.input(i))) return false;
        return !(n.op().contains("MatMul") && g.constant(n.input(n.op().equals("QLinearMatMul") ? 3 : 1)).rank() != 2);
    }

    static Step integerGemm(Shapes.Static s, int index, Node n) {
        GemmSpec spec = GemmBuild.fromInteger(s, n);
        return new Step(index, Step.Kind.GEMM, n.name(), List.of(n), List.of(n), List.of(n.input(0)), n.output(), spec, null);
    }
}
