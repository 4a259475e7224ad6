/* Software FP32 for the SIMT kernels of the floating-point formats (the core is RV32IM: no FPU),
   bit-exact with the golden model (io.rtlbench.testbenches.formats: Fp32Round, Java float
   addition): sf_round rounds an exact value (-1)^neg * (hi:lo) * 2^exp to FP32 and sf_add adds two
   FP32 values, both IEEE 754 round to nearest even with subnormals, overflow to infinity, and NaN
   results as the canonical 0x7FC00000. Branch-free (masks and selects, no data-dependent branch),
   so the threads of a warp never diverge in here; no libgcc (32-bit shifts only). */
#ifndef SOFTFP_H
#define SOFTFP_H
#include <stdint.h>

#define SF_NAN 0x7FC00000u

/* c ? a : b for c in {0, 1}, without a branch. */
static inline uint32_t sf_sel(uint32_t c, uint32_t a, uint32_t b) { return b ^ ((a ^ b) & -c); }
static inline int32_t sf_max(int32_t a, int32_t b) { return a ^ ((a ^ b) & -(int32_t) (a < b)); }
static inline int32_t sf_min(int32_t a, int32_t b) { return a ^ ((a ^ b) & -(int32_t) (b < a)); }

/* Leading zeros of x (32 for 0), by halving. */
static inline uint32_t sf_clz(uint32_t x) {
    uint32_t n = 0, t;
    t = (x < 0x10000u) << 4; n += t; x <<= t;
    t = (x < 0x1000000u) << 3; n += t; x <<= t;
    t = (x < 0x10000000u) << 2; n += t; x <<= t;
    t = (x < 0x40000000u) << 1; n += t; x <<= t;
    t = x < 0x80000000u; n += t; x <<= t;
    return n + (x == 0);
}

/* (-1)^neg * (hi:lo) * 2^exp rounded to FP32 bits; the result's last bit sits at
   lsb = max(msb + exp - 23, -149). A zero magnitude gives +0. */
static inline __attribute__((always_inline)) uint32_t sf_round_inline(uint32_t neg, uint32_t hi, uint32_t lo, int32_t exp) {
    uint32_t nonzero = (hi | lo) != 0;
    int32_t msb = (int32_t) sf_sel(hi != 0, 63 - sf_clz(hi), 31 - sf_clz(lo));
    int32_t lsb = sf_max(msb + exp - 23, -149);
    int32_t shift = lsb - exp;                              /* > 0: right, <= 0: left (exact) */
    uint32_t right = shift > 0;
    uint32_t sigLeft = lo << (sf_sel(right, 0, (uint32_t) -shift) & 31);
    uint32_t s = sf_sel(right, (uint32_t) sf_min(shift - 1, 63), 0);  /* shift right by s, then one more */
    uint32_t s5 = s & 31, big = -(s >> 5), mask = (1u << s5) - 1;
    uint32_t loS = (lo >> s5) | ((hi << 1) << (31 - s5)), hiS = hi >> s5;
    uint32_t tLo = (loS & ~big) | (hiS & big), tHi = hiS & ~big;
    uint32_t lost = ((lo & mask) & ~big) | ((lo | (hi & mask)) & big);
    uint32_t sig = sf_sel(right, (tLo >> 1) | (tHi << 31), sigLeft);
    sig += right & tLo & ((lost != 0) | sig);               /* guard & (sticky | odd) */
    uint32_t carry = sig >> 24;
    sig >>= carry;
    int32_t field = lsb + 150 + (int32_t) carry;
    uint32_t normal = (sig >> 23) & 1;
    uint32_t bits = sf_sel(normal, ((uint32_t) field << 23) | (sig & 0x7FFFFFu), sig);
    bits = sf_sel(normal & (field >= 255), 0x7F800000u, bits);
    return sf_sel(nonzero, (neg << 31) | bits, 0);
}

/* Out of line (kernels call it once per output and K tile); sf_add inlines it so that it stays a
   leaf function with no stack frame: thread stacks are 260 bytes. */
static __attribute__((noinline)) uint32_t sf_round(uint32_t neg, uint32_t hi, uint32_t lo, int32_t exp) {
    return sf_round_inline(neg, hi, lo, exp);
}

/* a + b: the larger magnitude keeps its place, the other aligns into 24 + 3 bits (guard, round,
   sticky), then sf_round. Zero results are +0 except (-0) + (-0). */
static __attribute__((noinline)) uint32_t sf_add(uint32_t a, uint32_t b) {
    uint32_t ma = a & 0x7FFFFFFFu, mb = b & 0x7FFFFFFFu, m = -(uint32_t) (mb > ma);
    uint32_t x = (a & ~m) | (b & m), y = (b & ~m) | (a & m);
    uint32_t ex = (x >> 23) & 0xFF, ey = (y >> 23) & 0xFF, nx = ex != 0, ny = ey != 0;
    uint32_t sx = ((x & 0x7FFFFFu) | (nx << 23)) << 3, sy = ((y & 0x7FFFFFu) | (ny << 23)) << 3;
    uint32_t fx = ex + (nx ^ 1), fy = ey + (ny ^ 1);
    uint32_t d = fx - fy;
    d = sf_sel(d > 27, 27, d);
    uint32_t aligned = (sy >> d) | ((sy & ((1u << d) - 1)) != 0);
    uint32_t sub = (x ^ y) >> 31;
    uint32_t total = sx + ((aligned ^ -sub) + sub);
    uint32_t r = sf_round_inline(x >> 31, 0, total, (int32_t) fx - 153);
    uint32_t aNan = ma > 0x7F800000u, bNan = mb > 0x7F800000u, aInf = ma == 0x7F800000u, bInf = mb == 0x7F800000u;
    uint32_t nan = aNan | bNan | (aInf & bInf & ((a ^ b) >> 31));
    r = sf_sel((a & b) >> 31 & (ma == 0) & (mb == 0), 0x80000000u, r);
    r = sf_sel(aInf | bInf, sf_sel(aInf, a, b), r);
    return sf_sel(nan, SF_NAN, r);
}
#endif
