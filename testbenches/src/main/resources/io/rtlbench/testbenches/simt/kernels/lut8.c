/* An INT8 lookup table over n elements: y[i] = table[x[i] + 128]. Any elementwise function of one
   quantized input (sigmoid, hard-swish, leaky ReLU, requantization, ...) is a table of 256 INT8
   entries computed on the host from the layer's scales. Lanes touch consecutive bytes (coalesced);
   the table reads are gathers from global memory. Args: x, table, y, n. */
#include "simt.h"

volatile uint32_t kargs[4];

int main(void) {
    const uint8_t *x = (const uint8_t *) kargs[0];
    const int8_t *table = (const int8_t *) kargs[1];
    int8_t *y = (int8_t *) kargs[2];
    unsigned n = kargs[3], i = simt_gtid(), step = simt_gcount();
    SIMT_WHILE(i < n)
        y[i] = table[x[i] ^ 0x80u];
        i += step;
    SIMT_WEND
    return 0;
}
