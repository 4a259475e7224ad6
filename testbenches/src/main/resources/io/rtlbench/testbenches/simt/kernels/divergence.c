/* Divergence test: nested if/else on data bits and loops whose trip count differs per thread;
   out[i] must match DivergenceGolden. Args: in, out, n. */
#include "simt.h"

volatile uint32_t kargs[3];

int main(void) {
    const uint32_t *in = (const uint32_t *) kargs[0];
    uint32_t *out = (uint32_t *) kargs[1];
    unsigned n = kargs[2], i = simt_gtid(), step = simt_gcount();
    SIMT_WHILE(i < n)
        uint32_t x = in[i], r = 0;
        SIMT_IF_V(x & 1, r)
            SIMT_IF_V(x & 2, r)
                r = x * 3;
            SIMT_ELSE
                r = x + 7;
            SIMT_END_V(r)
            r += 1000;
        SIMT_ELSE
            uint32_t j = 0;
            SIMT_WHILE(j < (x & 7))
                r += j * x;
                SIMT_IF_V(j & 1, r)
                    r ^= 0x55;
                SIMT_END_V(r)
                j++;
            SIMT_WEND
        SIMT_END_V(r)
        uint32_t k = 0;
        SIMT_WHILE(k < (i % 5))
            r = (r ^ (r << 1)) + k;
            k++;
        SIMT_WEND
        out[i] = r;
        i += step;
    SIMT_WEND
    return 0;
}
