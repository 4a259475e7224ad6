package io.rtlbench.testbenches.onnx;

import java.util.Arrays;

/**
 * A dense row-major tensor: floating types keep their values in {@code floats}, integer types
 * (INT8, UINT8, INT32, INT64, BOOL) in {@code longs}, the other array is null. Immutable by
 * convention: operations return new tensors.
 */
public record Tensor(DType type, int[] shape, float[] floats, long[] longs) {
    public Tensor {
        int n = size(shape);
        if (type.isFloat() ? floats == null || floats.length != n : longs == null || longs.length != n)
            throw new IllegalArgumentException("tensor data does not match shape " + Arrays.toString(shape) + " and type " + type);
    }

    public static Tensor ofFloats(int[] shape, float[] v) { return new Tensor(DType.FLOAT, shape.clone(), v, null); }

    public static Tensor ofLongs(DType t, int[] shape, long[] v) { return new Tensor(t, shape.clone(), null, v); }

    public static Tensor scalar(float v) { return ofFloats(new int[0], new float[] {v}); }

    public static Tensor zeros(DType t, int[] shape) {
        return t.isFloat() ? ofFloats(shape, new float[size(shape)]) : ofLongs(t, shape, new long[size(shape)]);
    }

    /** INT8 (or UINT8) tensor from bytes holding the values (UINT8 as unsigned). */
    public static Tensor ofBytes(DType t, int[] shape, byte[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = t == DType.UINT8 ? v[i] & 0xFF : v[i];
        return ofLongs(t, shape, l);
    }

    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE) throw new OnnxException("tensor of shape " + Arrays.toString(shape) + " is too large");
        return (int) n;
    }

    public int size() { return size(shape); }
    public int rank() { return shape.length; }

    /** Element i as a double, whatever the type. */
    public double get(int i) { return floats != null ? floats[i] : longs[i]; }

    /** Element i as a long (floats truncated). */
    public long getLong(int i) { return longs != null ? longs[i] : (long) floats[i]; }

    /** All elements as doubles. */
    public double[] toDoubles() {
        double[] d = new double[size()];
        for (int i = 0; i < d.length; i++) d[i] = get(i);
        return d;
    }

    /** All elements as ints (for shapes, axes, indices). */
    public int[] toInts() {
        int[] d = new int[size()];
        for (int i = 0; i < d.length; i++) d[i] = (int) getLong(i);
        return d;
    }

    /** The values as signed bytes (INT8; UINT8 shifted by -128 into INT8's range). */
    public byte[] toInt8Shifted() {
        byte[] b = new byte[size()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (type == DType.UINT8 ? longs[i] - 128 : longs[i]);
        return b;
    }

    public Tensor reshape(int[] newShape) {
        if (size(newShape) != size()) throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(newShape));
        return new Tensor(type, newShape.clone(), floats, longs);
    }

    /** Float copy of any tensor. */
    public Tensor toFloat() {
        if (type == DType.FLOAT) return this;
        float[] f = new float[size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) get(i);
        return ofFloats(shape, f);
    }

    public String shapeString() { return Arrays.toString(shape); }

    @Override public String toString() { return type + shapeString(); }
}
