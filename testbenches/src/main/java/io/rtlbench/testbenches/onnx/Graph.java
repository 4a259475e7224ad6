package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph as the engine sees it: nodes in topological order, constant tensors
 * (initializers, and Constant nodes once folded), graph inputs without the initializers, graph
 * outputs, the default-domain opset and any other opsets. Immutable; rewrites build new graphs.
 */
public record Graph(String name, List<Node> nodes, Map<String, Tensor> initializers, List<ValueInfo> inputs,
                    List<ValueInfo> outputs, int opset, Map<String, Integer> otherOpsets) {
    public Graph {
        nodes = List.copyOf(nodes);
        initializers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        otherOpsets = Map.copyOf(otherOpsets);
    }

    /**
     * A graph input or output: element type and shape; a dimension the file gives by name only
     * (dynamic) is -1 in {@code shape} with its name in {@code params}.
     */
    public record ValueInfo(String name, DType type, int[] shape, String[] params) {
        public static ValueInfo of(String name, DType type, int... shape) {
            return new ValueInfo(name, type, shape, new String[shape.length]);
        }

        public boolean isStatic() { return Arrays.stream(shape).allMatch(d -> d >= 0); }

        public String shapeString() {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < shape.length; i++)
                b.append(i > 0 ? "," : "").append(shape[i] >= 0 ? String.valueOf(shape[i]) : params[i] == null ? "?" : params[i]);
            return b.append("]").toString();
        }

        public ValueInfo withShape(int[] s) { return new ValueInfo(name, type, s.clone(), new String[s.length]); }
    }

    public Graph withNodes(List<Node> n) { return new Graph(name, n, initializers, inputs, outputs, opset, otherOpsets); }

    public Graph withInitializers(Map<String, Tensor> i) { return new Graph(name, nodes, i, inputs, outputs, opset, otherOpsets); }

    public Graph withInputs(List<ValueInfo> in) { return new Graph(name, nodes, initializers, in, outputs, opset, otherOpsets); }

    public Graph withOutputs(List<ValueInfo> out) { return new Graph(name, nodes, initializers, inputs, out, opset, otherOpsets); }

    public Graph withOpset(int v, Map<String, Integer> other) { return new Graph(name, nodes, initializers, inputs, outputs, v, other); }

    public boolean isConstant(String value) { return initializers.containsKey(value); }

    public Tensor constant(String value) { return initializers.get(value); }

    /** The node producing each value. */
    public Map<String, Node> producers() {
        Map<String, Node> m = new HashMap<>();
        for (Node n : nodes) for (String o : n.outputs()) m.put(o, n);
        return m;
    }

    /** The nodes reading each value (graph outputs not included). */
    public Map<String, List<Node>> consumers() {
        Map<String, List<Node>> m = new HashMap<>();
        for (Node n : nodes) for (String i : n.inputs()) if (!i.isEmpty()) m.computeIfAbsent(i, k -> new ArrayList<>()).add(n);
        return m;
    }

    public boolean isGraphOutput(String value) { return outputs.stream().anyMatch(o -> o.name().equals(value)); }

    /** Input shapes replaced by the given ones (by input name); an unknown name is an error. */
    public Graph withInputShapes(Map<String, int[]> shapes) {
        List<ValueInfo> in = new ArrayList<>();
        for (String n : shapes.keySet())
            if (inputs.stream().noneMatch(v -> v.name().equals(n)))
                throw new OnnxException("the model has no input '" + n + "'; its inputs are "
                        + inputs.stream().map(ValueInfo::name).toList());
        for (ValueInfo v : inputs) {
            int[] s = shapes.get(v.name());
            if (s == null) { in.add(v); continue; }
            if (s.length != v.shape().length)
                throw new OnnxException("input '" + v.name() + "' has rank " + v.shape().length + " " + v.shapeString()
                        + "; the given shape " + Arrays.toString(s) + " has rank " + s.length);
            for (int i = 0; i < s.length; i++)
                if (v.shape()[i] >= 0 && v.shape()[i] != s[i])
                    throw new OnnxException("input '" + v.name() + "' has shape " + v.shapeString() + "; dimension " + i
                            + " cannot be " + s[i]);
            in.add(v.withShape(s));
        }
        return withInputs(in);
    }

    /** A fresh value name not used in the graph, from a base. */
    public static String fresh(java.util.Set<String> used, String base) {
        String n = base;
        for (int i = 1; used.contains(n); i++) n = base + "_" + i;
        used.add(n);
        return n;
    }
}
