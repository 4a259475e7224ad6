/* softfp.h on the core, element-wise (its unit test): op 0: out[i] = sf_add(x[2i], x[2i+1]);
   op 1: out[i] = sf_round(x[4i] & 1, x[4i+1], x[4i+2], (int32_t) x[4i+3]).
   Args: op, x, out, n. */
#include "simt.h"
#include "softfp.h"

volatile uint32_t kargs[4];

int main(void) {
    unsigned op = kargs[0], n = kargs[3];
    const uint32_t *x = (const uint32_t *) kargs[1];
    uint32_t *out = (uint32_t *) kargs[2];
    unsigned i = simt_gtid(), step = simt_gcount();
    if (op == 0) {                                  /* uniform */
        SIMT_WHILE(i < n)
            out[i] = sf_add(x[2 * i], x[2 * i + 1]);
            i += step;
        SIMT_WEND
    } else {
        SIMT_WHILE(i < n)
            out[i] = sf_round(x[4 * i] & 1, x[4 * i + 1], x[4 * i + 2], (int32_t) x[4 * i + 3]);
            i += step;
        SIMT_WEND
    }
    return 0;
}
