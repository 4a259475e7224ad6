package io.rtlbench.testbenches.onnx;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The host's reference implementation of every operator the engine supports, in FP32 (integer
 * types where ONNX computes in them), following the ONNX operator specs. Used to fold constants,
 * to infer shapes (with {@code shapeOnly}: heavy operators return zeros of the right shape), to
 * build the INT8 lookup tables of elementwise operators and to run what no core runs.
 * This file: dispatch, elementwise and unary operators; {@link HostLayout}, {@link HostNn},
 * {@link HostQuant} hold the rest.
 */
public final class HostOps {
    private HostOps() {}

    /** Elementwise operators of one varying input (plus scalar constants): fusable into a lookup table. */
    public static final Set<String> ELEMENTWISE = Set.of("Add", "Sub", "Mul", "Div", "Max", "Min", "Pow", "Relu", "LeakyRelu",
            "Clip", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Exp", "Sqrt", "Neg", "Abs", "Erf", "Reciprocal", "Identity",
            "Softplus", "Elu", "Selu", "Log");

    public static boolean supports(Node n) {
        if (!n.domain().isEmpty() && !n.domain().equals("ai.onnx")) return false;
        return ELEMENTWISE.contains(n.op()) || HostLayout.OPS.contains(n.op()) || HostNn.OPS.contains(n.op())
                || HostQuant.OPS.contains(n.op()) || n.op().equals("Cast");
    }

    /** Runs one node of a graph of the given default-domain opset. Inputs in node order (null for an omitted optional input). */
    public static List<Tensor> eval(Node n, List<Tensor> in, boolean shapeOnly, int opset) {
        if (!supports(n)) throw OnnxException.at(n, "operator not supported (the engine knows " + knownOps() + ")");
        try {
            if (HostLayout.OPS.contains(n.op())) return HostLayout.eval(n, in);
            if (HostNn.OPS.contains(n.op())) return HostNn.eval(n, in, shapeOnly, opset);
            if (HostQuant.OPS.contains(n.op())) return HostQuant.eval(n, in, shapeOnly);
            if (n.op().equals("Cast")) return List.of(cast(in.get(0), DType.of((int) n.attrInt("to", 1), "Cast target")));
            return List.of(elementwise(n, in));
        } catch (OnnxException e) {
            throw e;
        } catch (RuntimeException e) {
            throw OnnxException.at(n, "cannot evaluate: " + e.getMessage());
        }
    }

    static String knownOps() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(ELEMENTWISE);
        all.addAll(HostLayout.OPS);
        all.addAll(HostNn.OPS);
        all.addAll(HostQuant.OPS);
        all.add("Cast");
        return String.join(" ", all);
    }

    static Tensor elementwise(Node n, List<Tensor> in) {
        return switch (n.op()) {
            case "Add" -> binary(n, in, Double::sum);
            case "Sub" -> binary(n, in, (a, b) -> a - b);
            case "Mul" -> binary(n, in, (a, b) -> a * b);
            case "Div" -> in.get(0).type().isFloat() ? binary(n, in, (a, b) -> a / b) : binary(n, in, (a, b) -> (long) a / (long) b);
            case "Pow" -> binary(n, in, Math::pow);
            case "Max" -> variadic(n, in, Math::max);
            case "Min" -> variadic(n, in, Math::min);
            case "Relu" -> unary(in.get(0), x -> Math.max(x, 0));
            case "LeakyRelu" -> { double a = n.attrFloat("alpha", 0.01f); yield unary(in.get(0), x -> x >= 0 ? x : a * x); }
            case "Elu" -> { double a = n.attrFloat("alpha", 1f); yield unary(in.get(0), x -> x >= 0 ? x : a * (Math.exp(x) - 1)); }
            case "Selu" -> {
                double a = n.attrFloat("alpha", 1.67326319217681884765625f), g = n.attrFloat("gamma", 1.05070102214813232421875f);
                yield unary(in.get(0), x -> x > 0 ? g * x : g * a * (Math.exp(x) - 1));
            }
            case "Clip" -> clip(n, in);
            case "Sigmoid" -> unary(in.get(0), x -> 1 / (1 + Math.exp(-x)));
            case "HardSigmoid" -> {
                double a = n.attrFloat("alpha", 0.2f), b = n.attrFloat("beta", 0.5f);
                yield unary(in.get(0), x -> Math.max(0, Math.min(1, a * x + b)));
            }
            case "HardSwish" -> unary(in.get(0), x -> x * Math.max(0, Math.min(1, x / 6 + 0.5)));
            case "Tanh" -> unary(in.get(0), Math::tanh);
            case "Exp" -> unary(in.get(0), Math::exp);
            case "Log" -> unary(in.get(0), Math::log);
            case "Sqrt" -> unary(in.get(0), Math::sqrt);
            case "Neg" -> unary(in.get(0), x -> -x);
            case "Abs" -> unary(in.get(0), Math::abs);
            case "Reciprocal" -> unary(in.get(0), x -> 1 / x);
            case "Softplus" -> unary(in.get(0), x -> Math.log(Math.exp(x) + 1));
            case "Erf" -> unary(in.get(0), HostOps::erf);
            case "Identity" -> in.get(0);
            default -> throw OnnxException.at(n, "operator not supported");
        };
    }

    static Tensor clip(Node n, List<Tensor> in) {
        double lo, hi;
        if (n.attr("min") != null || n.attr("max") != null || in.size() == 1) {  // opset < 11: attributes
            lo = n.attrFloat("min", -Float.MAX_VALUE);
            hi = n.attrFloat("max", Float.MAX_VALUE);
        } else {
            lo = in.size() > 1 && in.get(1) != null ? in.get(1).get(0) : -Double.MAX_VALUE;
            hi = in.size() > 2 && in.get(2) != null ? in.get(2).get(0) : Double.MAX_VALUE;
        }
        return unary(in.get(0), x -> Math.max(lo, Math.min(hi, x)));
    }

    /** Clip's bounds whatever the opset (attributes or constant inputs). */
    public static double[] clipBounds(Node n, Graph g) {
        if (n.attr("min") != null || n.attr("max") != null || n.inputs().size() == 1)
            return new double[] {n.attrFloat("min", -Float.MAX_VALUE), n.attrFloat("max", Float.MAX_VALUE)};
        double lo = n.hasInput(1) ? g.constant(n.input(1)).get(0) : -Double.MAX_VALUE;
        double hi = n.hasInput(2) ? g.constant(n.input(2)).get(0) : Double.MAX_VALUE;
        return new double[] {lo, hi};
    }

    static Tensor unary(Tensor x, DoubleUnaryOperator f) {
        if (!x.type().isFloat()) {
            long[] o = new long[x.size()];
            for (int i = 0; i < o.length; i++) o[i] = (long) f.applyAsDouble(x.longs()[i]);
            return Tensor.ofLongs(x.type(), x.shape(), o);
        }
        float[] o = new float[x.size()];
        for (int i = 0; i < o.length; i++) o[i] = (float) f.applyAsDouble(x.floats()[i]);
        return Tensor.ofFloats(x.shape(), o);
    }

    static Tensor binary(Node n, List<Tensor> in, DoubleBinaryOperator f) {
        Tensor a = in.get(0), b = in.get(1);
        int[] shape = Broadcast.shape(n, a.shape(), b.shape());
        int[] ia = Broadcast.index(a.shape(), shape), ib = Broadcast.index(b.shape(), shape);
        if (a.type().isFloat() || b.type().isFloat()) {
            float[] o = new float[ia.length];
            for (int i = 0; i < o.length; i++) o[i] = (float) f.applyAsDouble((float) a.get(ia[i]), (float) b.get(ib[i]));
            return Tensor.ofFloats(shape, o);
        }
        long[] o = new long[ia.length];
        for (int i = 0; i < o.length; i++) o[i] = (long) f.applyAsDouble(a.get(ia[i]), b.get(ib[i]));
        return Tensor.ofLongs(a.type(), shape, o);
    }

    static Tensor variadic(Node n, List<Tensor> in, DoubleBinaryOperator f) {
        Tensor acc = in.get(0);
        for (int i = 1; i < in.size(); i++) acc = binary(n, List.of(acc, in.get(i)), f);
        return acc;
    }

    static Tensor cast(Tensor x, DType to) {
        if (to.isFloat()) {
            Tensor f = x.toFloat();
            return to == DType.FLOAT ? f : new Tensor(to, f.shape(), f.floats(), null);
        }
        long[] o = new long[x.size()];
        for (int i = 0; i < o.length; i++) {
            double v = x.get(i);
            o[i] = to == DType.BOOL ? (v != 0 ? 1 : 0) : x.type().isFloat() ? (long) v : (long) v;
            if (to != DType.INT64 && !x.type().isFloat()) o[i] = wrap(o[i], to);
        }
        return Tensor.ofLongs(to, x.shape(), o);
    }

    static long wrap(long v, DType t) {
        return switch (t) { case INT8 -> (byte) v; case UINT8 -> v & 0xFF; case INT16 -> (short) v; case INT32 -> (int) v; default -> v; };
    }

    /** erf by Abramowitz and Stegun 7.1.26 (absolute error <= 1.5e-7, below FP32 resolution near 1). */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
        return Math.copySign(y, x);
    }
}
