/* c[i] = a[i] + b[i] over n INT32 elements (wrapping); thread g handles g, g + G, g + 2G, ...
   so a warp's lanes touch consecutive words (coalesced). Args: a, b, c, n. */
#include "simt.h"

volatile uint32_t kargs[4];

int main(void) {
    const int32_t *a = (const int32_t *) kargs[0], *b = (const int32_t *) kargs[1];
    int32_t *c = (int32_t *) kargs[2];
    unsigned n = kargs[3], i = simt_gtid(), step = simt_gcount();
    SIMT_WHILE(i < n)
        c[i] = a[i] + b[i];
        i += step;
    SIMT_WEND
    return 0;
}
