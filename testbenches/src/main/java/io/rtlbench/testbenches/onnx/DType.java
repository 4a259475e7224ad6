package io.rtlbench.testbenches.onnx;

/** The ONNX element types the engine handles, with their TensorProto.DataType codes. */
public enum DType {
    FLOAT(1), UINT8(2), INT8(3), INT16(5), INT32(6), INT64(7), BOOL(9), DOUBLE(11);

    public final int code;

    DType(int code) { this.code = code; }

    public boolean isFloat() { return this == FLOAT || this == DOUBLE; }

    /** The ONNX type with this code, or an error naming the code (FLOAT16, STRING, ... are not handled). */
    public static DType of(int code, String what) {
        for (DType t : values()) if (t.code == code) return t;
        String name = switch (code) {
            case 0 -> "UNDEFINED"; case 4 -> "UINT16"; case 8 -> "STRING"; case 10 -> "FLOAT16"; case 12 -> "UINT32";
            case 13 -> "UINT64"; case 16 -> "BFLOAT16"; default -> "type " + code;
        };
        throw new OnnxException(what + " has element type " + name + ", which the engine does not handle");
    }

    /** Clamp range of the integer types (for casts and quantization). */
    public long min() {
        return switch (this) { case UINT8, BOOL -> 0; case INT8 -> -128; case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE; default -> Long.MIN_VALUE; };
    }

    public long max() {
        return switch (this) { case UINT8 -> 255; case BOOL -> 1; case INT8 -> 127; case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE; default -> Long.MAX_VALUE; };
    }
}
