/* INT8 max pooling over NCHW planes (batch x channels), then a 256-entry table (the requantization
   from the input's to the output's scale; identity when they agree): y = table[max + 128]. Window
   positions in the padding are skipped (ONNX pads max pooling with -inf). One output element per
   thread and step; the window loops have uniform trip counts, the padding test is a divergent if.
   Args: x, table, y, planes, h, w, kh, kw, sh, sw, dh, dw, pad_top, pad_left, oh, ow. */
#include "simt.h"

volatile uint32_t kargs[16];

int main(void) {
    const int8_t *x = (const int8_t *) kargs[0], *table = (const int8_t *) kargs[1];
    int8_t *y = (int8_t *) kargs[2];
    unsigned planes = kargs[3], h = kargs[4], w = kargs[5], kh = kargs[6], kw = kargs[7], sh = kargs[8], sw = kargs[9];
    unsigned dh = kargs[10], dw = kargs[11], pt = kargs[12], pl = kargs[13], oh = kargs[14], ow = kargs[15];
    unsigned n = planes * oh * ow, i = simt_gtid(), step = simt_gcount();
    SIMT_WHILE(i < n)
        unsigned p = i / (oh * ow), r = i % (oh * ow), oy = r / ow, ox = r % ow;
        int m = -128;
        for (unsigned ky = 0; ky < kh; ky++)
            for (unsigned kx = 0; kx < kw; kx++) {
                int iy = (int) (oy * sh + ky * dh) - (int) pt, ix = (int) (ox * sw + kx * dw) - (int) pl;
                int v = -128;
                SIMT_IF_V((iy >= 0) & (ix >= 0) & (iy < (int) h) & (ix < (int) w), v)
                    v = x[(p * h + (unsigned) iy) * w + (unsigned) ix];
                SIMT_END_V(v)
                SIMT_IF_V(v > m, m)
                    m = v;
                SIMT_END_V(m)
            }
        y[i] = table[(uint8_t) m ^ 0x80u];
        i += step;
    SIMT_WEND
    return 0;
}
