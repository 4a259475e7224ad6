package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an FP32 graph into the units that become one quantized layer each: a GEMM (Conv, Gemm,
 * MatMul) with the ReLU/Clip it feeds, a chain of elementwise operators of one varying input and
 * scalar constants (one lookup table: e.g. HardSwish written as Add/Clip/Mul/Div), a binary
 * elementwise operator of two activations, a layout operator or max pool (which keep their
 * input's quantization), or any other single operator. Values inside a unit stay FP32; each unit's
 * output is quantized.
 */
public final class Units {
    private Units() {}

    public enum Kind { GEMM, CHAIN, BINARY, LAYOUT, MAXPOOL, OTHER }

    /** One unit: its nodes in order, its output value and its varying (non-constant) inputs. */
    public record Unit(Kind kind, List<Node> nodes, String output, List<String> inputs) {}

    public static List<Unit> split(Shapes.Static s) {
        Graph g = s.graph();
        Map<String, List<Node>> consumers = g.consumers();
        List<Node> nodes = g.nodes();
        Set<Node> assigned = new HashSet<>();
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (assigned.contains(n)) continue;
            List<String> varying = n.inputs().stream().filter(v -> !v.isEmpty() && !g.isConstant(v)).distinct().toList();
            Unit u;
            if (isGemm(n, g)) {
                List<Node> body = new ArrayList<>(List.of(n));
                List<Node> next = consumers.getOrDefault(n.output(), List.of());
                if (next.size() == 1 && !g.isGraphOutput(n.output()) && isReluLike(next.get(0), g)) body.add(next.get(0));
                u = new Unit(Kind.GEMM, body, body.get(body.size() - 1).output(), varying);
            } else if (HostOps.ELEMENTWISE.contains(n.op()) && varying.size() == 1 && scalarConsts(n, g, s, varying.get(0))) {
                u = chain(s, nodes, i, varying.get(0), assigned, consumers);
            } else if (Set.of("Add", "Sub", "Mul").contains(n.op()) && varying.size() == 2 && n.inputs().size() == 2) {
                u = new Unit(Kind.BINARY, List.of(n), n.output(), varying);
            } else if (HostLayout.PURE.contains(n.op()) && varying.size() == 1) {
                u = new Unit(Kind.LAYOUT, List.of(n), n.output(), varying);
            } else if (n.op().equals("MaxPool") || n.op().equals("GlobalMaxPool")) {
                u = new Unit(Kind.MAXPOOL, List.of(n), n.output(), varying);
            } else {
                u = new Unit(Kind.OTHER, List.of(n), n.output(), varying);
            }
            assigned.addAll(u.nodes());
            units.add(u);
        }
        return units;
    }

    /** Conv / Gemm / MatMul the cores run: constant weights (MatMul may also multiply two activations). */
    static boolean isGemm(Node n, Graph g) {
        return switch (n.op()) {
            case "Conv" -> g.isConstant(n.input(1)) && (!n.hasInput(2) || g.isConstant(n.input(2)));
            case "Gemm" -> g.isConstant(n.input(1)) && (!n.hasInput(2) || g.isConstant(n.input(2))) && n.attrInt("transA", 0) == 0
                    && n.attrFloat("alpha", 1) == 1 && n.attrFloat("beta", 1) == 1 && g.constant(n.input(1)).rank() == 2;
            case "MatMul" -> !g.isConstant(n.input(1)) || g.constant(n.input(1)).rank() == 2;
            default -> false;
        };
    }

    /** Relu, or Clip with a lower bound of 0 (Relu6): folds into the requantization's clamp. */
    static boolean isReluLike(Node n, Graph g) {
        if (n.op().equals("Relu")) return true;
        if (!n.op().equals("Clip")) return false;
        double[] b = HostOps.clipBounds(n, g);
        return b[0] == 0 && b[1] > 0;
    }

    static boolean scalarConsts(Node n, Graph g, Shapes.Static s, String x) {
        for (String v : n.inputs()) if (!v.isEmpty() && g.isConstant(v) && g.constant(v).size() != 1) return false;
        return java.util.Arrays.equals(s.info(n.output()).shape(), s.info(x).shape()) && s.info(x).type().isFloat();
    }

    static Unit chain(Shapes.Static s, List<Node> nodes, int start, String x, Set<Node> assigned, Map<String, List<Node>> consumers) {
        Graph g = s.graph();
        List<Node> body = new ArrayList<>(List.of(nodes.get(start)));
        Set<String> produced = new LinkedHashSet<>(nodes.get(start).outputs());
        for (int j = start + 1; j < nodes.size(); j++) {
            Node m = nodes.get(j);
            if (assigned.contains(m) || !HostOps.ELEMENTWISE.contains(m.op()) || !scalarConsts(m, g, s, x)) continue;
            boolean inside = true, touches = false;
            for (String v : m.inputs()) {
                if (v.isEmpty() || g.isConstant(v)) continue;
                if (produced.contains(v)) touches = true;
                else if (!v.equals(x)) inside = false;
            }
            if (inside && touches) { body.add(m); produced.addAll(m.outputs()); }
        }
        while (true) {  // one exit value only: drop nodes from the end until so
            Set<Node> in = new HashSet<>(body);
            List<String> exits = new ArrayList<>();
            for (Node b : body)
                for (String o : b.outputs())
                    if (g.isGraphOutput(o) || consumers.getOrDefault(o, List.of()).stream().anyMatch(c -> !in.contains(c))) exits.add(o);
            if (exits.size() <= 1 || body.size() == 1)
                return new Unit(Kind.CHAIN, body, exits.isEmpty() ? body.get(body.size() - 1).output() : exits.get(0), List.of(x));
            body.remove(body.size() - 1);
        }
    }
}
