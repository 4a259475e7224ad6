package io.rtlbench.testbenches.onnx;

/**
 * Per-tensor linear quantization of an activation: real = scale * (q - zeroPoint), q of {@code type}
 * (INT8 or UINT8). {@link #zero8()} is the zero point in the INT8 domain the cores use (UINT8
 * values are shifted by -128 on the way in and back on the way out).
 */
public record QParams(float scale, int zeroPoint, DType type) {
    /** Symmetric INT8 for a range [-a, a]: scale = a / 127, zero point 0. */
    public static QParams symmetric(double absMax) {
        return new QParams(absMax > 0 ? (float) (absMax / 127) : 1f, 0, DType.INT8);
    }

    /** INT8 for a non-negative range [0, max]: scale = max / 255, zero point -128. */
    public static QParams nonNegative(double max) {
        return new QParams(max > 0 ? (float) (max / 255) : 1f, -128, DType.INT8);
    }

    public int zero8() { return type == DType.UINT8 ? zeroPoint - 128 : zeroPoint; }

    public double dequantize(long q) { return (double) scale * (q - zeroPoint); }

    /** ONNX QuantizeLinear: round half to even, saturate to the type. */
    public long quantize(double x) {
        double q = Math.rint(x / scale) + zeroPoint;
        return (long) Math.max(type.min(), Math.min(type.max(), q));
    }
}
