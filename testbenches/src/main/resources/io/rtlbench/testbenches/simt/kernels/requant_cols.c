/* Per-column requantization of a GEMM's INT32 result to INT8 (the epilogue of an ONNX layer):
   y[r][c] = sat8(relu?(((x[r][c] + bias[c]) * scale[c] + round_c) >> shift[c])), 64-bit product,
   round_c = 1 << (shift[c] - 1) (0 when shift is 0: round half up), arithmetic shift, INT32 bias
   addition wrapping, the same rule as the systolic core's move-out (Requant) per column.
   Columns are the outer loop so that a column's scale and shift are uniform across the warp (a
   64-bit shift by a per-thread amount would diverge inside GCC's inline expansion); threads take
   rows. Args: x, bias, scale, shift, y, rows, cols, relu. */
#include "simt.h"

volatile uint32_t kargs[8];

int main(void) {
    const int32_t *x = (const int32_t *) kargs[0], *bias = (const int32_t *) kargs[1], *scale = (const int32_t *) kargs[2];
    const uint32_t *shift = (const uint32_t *) kargs[3];
    int8_t *y = (int8_t *) kargs[4];
    unsigned rows = kargs[5], cols = kargs[6], relu = kargs[7], step = simt_gcount();
    for (unsigned c = 0; c < cols; c++) {                /* uniform */
        unsigned sh = shift[c];
        int32_t sc = scale[c], b = bias[c];
        int64_t round = 0;
        if (sh > 32) round = (int64_t) (1u << (sh - 33)) << 32;
        else if (sh > 0) round = 1u << (sh - 1);
        unsigned r = simt_gtid();
        SIMT_WHILE(r < rows)
            int32_t acc = (int32_t) ((uint32_t) x[r * cols + c] + (uint32_t) b);
            int64_t p = ((int64_t) acc * sc + round) >> sh;
            int32_t lo = (int32_t) p, hi = (int32_t) (p >> 32);
            int32_t v = lo;
            SIMT_IF_V(hi != (lo >> 31), v)               /* beyond INT32: saturate towards the sign */
                v = (hi >> 31) ^ 0x7fffffff;
            SIMT_END_V(v)
            SIMT_IF_V((relu != 0) & (v < 0), v)
                v = 0;
            SIMT_END_V(v)
            SIMT_IF_V(v > 127, v)
                v = 127;
            SIMT_END_V(v)
            SIMT_IF_V(v < -128, v)
                v = -128;
            SIMT_END_V(v)
            y[r * cols + c] = (int8_t) v;
            r += step;
        SIMT_WEND
    }
    return 0;
}
