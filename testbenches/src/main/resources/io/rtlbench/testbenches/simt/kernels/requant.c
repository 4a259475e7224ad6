/* Requantization INT32 -> INT8: y = sat8(relu?((x * scale + round) >> shift)) with a 64-bit
   product, round = 1 << (shift - 1) (0 when shift = 0, round half up), arithmetic shift, optional
   ReLU, saturation to [-128, 127]. Args: x, y, n, scale, shift (0..62), relu (0/1). */
#include "simt.h"

volatile uint32_t kargs[6];

int main(void) {
    const int32_t *x = (const int32_t *) kargs[0];
    int8_t *y = (int8_t *) kargs[1];
    unsigned n = kargs[2], shift = kargs[4], relu = kargs[5];
    int32_t scale = (int32_t) kargs[3];
    int64_t round = 0;                            /* uniform: the same for every thread */
    if (shift > 32) round = (int64_t) (1u << (shift - 33)) << 32;   /* constant 64-bit shifts only: */
    else if (shift > 0) round = 1u << (shift - 1);                  /* no libgcc needed */
    unsigned i = simt_gtid(), step = simt_gcount();
    SIMT_WHILE(i < n)
        int64_t p = ((int64_t) x[i] * scale + round) >> shift;
        int32_t lo = (int32_t) p, hi = (int32_t) (p >> 32);
        int32_t v = lo;
        SIMT_IF_V(hi != (lo >> 31), v)            /* beyond INT32: saturate towards the sign */
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
        y[i] = (int8_t) v;
        i += step;
    SIMT_WEND
    return 0;
}
