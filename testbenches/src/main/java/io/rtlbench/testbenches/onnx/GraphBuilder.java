package io.rtlbench.testbenches.onnx;

import io.rtlbench.testbenches.onnx.proto.OnnxProto.AttributeProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds ONNX graphs in Java (test models, small reference models): inputs, initializers (given or
 * random), nodes with generated names, outputs. Shapes of outputs are filled in by {@link Shapes}.
 */
public final class GraphBuilder {
    private final String name;
    private final int opset;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Tensor> inits = new LinkedHashMap<>();
    private final List<Graph.ValueInfo> inputs = new ArrayList<>(), outputs = new ArrayList<>();
    private final Random rnd;
    private int counter;

    public GraphBuilder(String name, int opset, long seed) {
        this.name = name;
        this.opset = opset;
        this.rnd = new Random(seed);
    }

    public String input(String n, DType t, int... shape) {
        inputs.add(Graph.ValueInfo.of(n, t, shape));
        return n;
    }

    public String constant(String n, Tensor t) {
        inits.put(n, t);
        return n;
    }

    /** Uniform random floats in [-bound, bound]. */
    public String random(String n, float bound, int... shape) {
        float[] f = new float[Tensor.size(shape)];
        for (int i = 0; i < f.length; i++) f[i] = (rnd.nextFloat() * 2 - 1) * bound;
        return constant(n, Tensor.ofFloats(shape, f));
    }

    /** Uniform random floats in [lo, hi]. */
    public String random(String n, float lo, float hi, int... shape) {
        float[] f = new float[Tensor.size(shape)];
        for (int i = 0; i < f.length; i++) f[i] = lo + rnd.nextFloat() * (hi - lo);
        return constant(n, Tensor.ofFloats(shape, f));
    }

    public String scalar(String n, float v) { return constant(n, Tensor.scalar(v)); }

    public String ints(String n, long... v) { return constant(n, Tensor.ofLongs(DType.INT64, new int[] {v.length}, v)); }

    /** Adds a node with one output; returns the output's name. */
    public String op(String op, List<String> in, AttributeProto... attrs) {
        String out = op.toLowerCase(java.util.Locale.ROOT) + "_" + counter++;
        nodes.add(Node.of(out, op, in, List.of(out), attrs));
        return out;
    }

    public String op(String op, String in, AttributeProto... attrs) { return op(op, List.of(in), attrs); }

    public GraphBuilder output(String v) {
        outputs.add(new Graph.ValueInfo(v, DType.FLOAT, new int[0], new String[0]));
        return this;
    }

    /** The graph; output shapes and types inferred. */
    public Graph build() {
        Graph g = new Graph(name, nodes, inits, inputs, outputs, opset, Map.of());
        Shapes.Static s = Shapes.infer(g, Map.of());
        List<Graph.ValueInfo> outs = outputs.stream().map(o -> Graph.ValueInfo.of(o.name(), s.info(o.name()).type(), s.info(o.name()).shape())).toList();
        return g.withOutputs(outs);
    }
}
