/* y[i] = max(x[i], 0) over n INT8 elements; lanes touch consecutive bytes (coalesced, byte-masked
   stores). The negative case is a divergent if (SPLIT/JOIN). Args: x, y, n. */
#include "simt.h"

volatile uint32_t kargs[3];

int main(void) {
    const int8_t *x = (const int8_t *) kargs[0];
    int8_t *y = (int8_t *) kargs[1];
    unsigned n = kargs[2], i = simt_gtid(), step = simt_gcount();
    SIMT_WHILE(i < n)
        int v = x[i];
        SIMT_IF_V(v < 0, v)
            v = 0;
        SIMT_END_V(v)
        y[i] = (int8_t) v;
        i += step;
    SIMT_WEND
    return 0;
}
