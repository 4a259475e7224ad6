package io.rtlbench.testbenches.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime (the Java API, CPU provider, one thread) as the golden reference: runs a model given
 * as a {@link Graph} on named inputs and returns the requested outputs. Sessions use ONNX
 * Runtime's default graph optimizations, so a QDQ model runs as ONNX Runtime would run it for a
 * user (quantized kernels where it fuses them).
 */
public final class Ort implements AutoCloseable {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public Ort(Graph g) { this(g, true); }

    /** optimize false: ONNX Runtime runs the graph node by node as written (no fusions). */
    public Ort(Graph g, boolean optimize) {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            if (!optimize) o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            session = ENV.createSession(OnnxFile.toBytes(g), o);
        } catch (OrtException e) {
            throw new OnnxException("ONNX Runtime rejects the model: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Runs once; outputs by name, in the order asked. */
    public Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputs) {
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            for (var e : inputs.entrySet()) in.put(e.getKey(), toOrt(e.getValue()));
            try (OrtSession.Result r = session.run(in, new java.util.LinkedHashSet<>(outputs))) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (String name : outputs) {
                    OnnxValue v = r.get(name).orElseThrow(() -> new OnnxException("ONNX Runtime produced no output '" + name + "'"));
                    out.put(name, fromOrt((OnnxTensor) v));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new OnnxException("ONNX Runtime failed: " + e.getMessage().lines().findFirst().orElse(""), e);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    /** One-shot: build a session for g, run, close. */
    public static Map<String, Tensor> run(Graph g, Map<String, Tensor> inputs, List<String> outputs) {
        try (Ort o = new Ort(g)) {
            return o.run(inputs, outputs);
        }
    }

    static OnnxTensor toOrt(Tensor t) throws OrtException {
        long[] shape = java.util.Arrays.stream(t.shape()).asLongStream().toArray();
        return switch (t.type()) {
            case FLOAT -> OnnxTensor.createTensor(ENV, FloatBuffer.wrap(t.floats()), shape);
            case INT8, UINT8, BOOL -> {
                ByteBuffer b = ByteBuffer.allocateDirect(t.size()).order(ByteOrder.nativeOrder());
                for (long v : t.longs()) b.put((byte) v);
                b.rewind();
                yield OnnxTensor.createTensor(ENV, b, shape, t.type() == DType.INT8 ? OnnxJavaType.INT8
                        : t.type() == DType.UINT8 ? OnnxJavaType.UINT8 : OnnxJavaType.BOOL);
            }
            case INT32 -> {
                int[] v = new int[t.size()];
                for (int i = 0; i < v.length; i++) v[i] = (int) t.longs()[i];
                yield OnnxTensor.createTensor(ENV, IntBuffer.wrap(v), shape);
            }
            case INT64 -> OnnxTensor.createTensor(ENV, LongBuffer.wrap(t.longs()), shape);
            default -> throw new OnnxException("cannot pass a " + t.type() + " tensor to ONNX Runtime");
        };
    }

    static Tensor fromOrt(OnnxTensor t) {
        int[] shape = java.util.Arrays.stream(t.getInfo().getShape()).mapToInt(l -> (int) l).toArray();
        return switch (t.getInfo().type) {
            case FLOAT -> {
                FloatBuffer b = t.getFloatBuffer();
                float[] f = new float[b.remaining()];
                b.get(f);
                yield Tensor.ofFloats(shape, f);
            }
            case INT8, UINT8, BOOL -> {
                ByteBuffer b = t.getByteBuffer();
                byte[] v = new byte[b.remaining()];
                b.get(v);
                DType d = t.getInfo().type == OnnxJavaType.INT8 ? DType.INT8 : t.getInfo().type == OnnxJavaType.UINT8 ? DType.UINT8 : DType.BOOL;
                yield Tensor.ofBytes(d, shape, v);
            }
            case INT32 -> {
                IntBuffer b = t.getIntBuffer();
                long[] l = new long[b.remaining()];
                for (int i = 0; i < l.length; i++) l[i] = b.get();
                yield Tensor.ofLongs(DType.INT32, shape, l);
            }
            case INT64 -> {
                LongBuffer b = t.getLongBuffer();
                long[] l = new long[b.remaining()];
                b.get(l);
                yield Tensor.ofLongs(DType.INT64, shape, l);
            }
            default -> throw new OnnxException("ONNX Runtime returned a " + t.getInfo().type + " tensor, which the engine does not read");
        };
    }

    /** The graph with extra values exposed as graph outputs (for calibration and per-layer checks). */
    public static Graph exposing(Shapes.Static s, List<String> values) {
        List<Graph.ValueInfo> outs = new ArrayList<>(s.graph().outputs());
        for (String v : values)
            if (outs.stream().noneMatch(o -> o.name().equals(v))) {
                Shapes.Info i = s.info(v);
                outs.add(Graph.ValueInfo.of(v, i.type(), i.shape()));
            }
        return s.graph().withOutputs(outs);
    }

    @Override public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new OnnxException("closing an ONNX Runtime session failed: " + e.getMessage(), e);
        }
    }
}
