/* FP8 GEMM (E4M3 or E5M2) in software, as a GPU without FP8 support runs it: C (M x N, FP32 bits)
   = A (M x K) x B (K x N) (+ bias), row-major FP8 codes. Accumulation as the golden model defines it
   (io.rtlbench.testbenches.formats.FormatGolden): K tiles of `tile` elements; within a tile the
   dot product is exact (integer products of the decoded significands, shifted by the exponents,
   summed in 64 bits for E4M3 (< 2^43) and 96 bits for E5M2 (< 2^69)), rounded once to FP32; tiles
   are added in FP32 in ascending K (softfp.h; no FPU on RV32IM). Special values per tile from
   32-bit masks over k (NaN, Inf, zero, sign of each element): NaN, Inf x 0, +Inf with -Inf give
   NaN. Output tiles of 16 x 16: per K tile all threads decode the A and B tiles into shared memory
   (coalesced word loads, or byte loads when K or N is not a multiple of 4), build the masks, then each thread updates row ii x 4 columns, one
   column at a time (E4M3: 64-bit multiply-accumulate of the decoded values; E5M2: 96-bit).
   Each phase is a function of its own: 260-byte thread stacks do not hold one big frame.
   Args: A, B, C, M, K, N, tile (1..32), format (0 E4M3, 1 E5M2), bias (FP32 array or 0). */
#include "simt.h"
#include "softfp.h"

#define TS 16
#define TK 32

volatile uint32_t kargs[9];

#define sA ((uint32_t *) SIMT_SHARED_BASE)           /* [TS][TK] decoded A */
#define sBt (sA + TS * TK)                          /* [TS][TK] decoded B, transposed */
#define sK ((uint8_t *) (sBt + TS * TK))            /* [2 TS][TK] element classes: A rows, then B columns */
#define sM ((uint32_t *) (sK + 2 * TS * TK))        /* [2 TS][4] masks over k: NaN, Inf, zero, sign */
#define sC (sM + 2 * TS * 4)                        /* [TS][TS] FP32 accumulators */

struct job { const uint8_t *A, *B; uint32_t *C, *bias; unsigned M, K, N, e5m2; };

/* E4M3: the signed value in units of 2^-18 (< 2^18). E5M2: sig | (eff - 1) << 8 | sign << 31.
   Specials decode to 0; cls: 1 NaN, 2 Inf, 4 zero, 8 negative. */
static inline uint32_t decode(uint32_t c, uint32_t e5m2, uint8_t *cls) {
    uint32_t mb = 3 - e5m2, mag = c & 0x7F, e = mag >> mb, mant = mag & ((1u << mb) - 1);
    uint32_t normal = e != 0, sig = mant | (normal << mb), eff1 = e - normal, neg = c >> 7;
    uint32_t top = e == 31, nan = sf_sel(e5m2, top & (mant != 0), mag == 0x7F), inf = e5m2 & top & (mant == 0);
    *cls = (uint8_t) (nan | (inf << 1) | ((mag == 0) << 2) | (neg << 3));
    uint32_t v4 = sig << eff1, word = sf_sel(e5m2, sig | (eff1 << 8) | (neg << 31), (v4 ^ -neg) + neg);
    return sf_sel(nan | inf, 0, word);
}

/* acc (a[2]:a[1]:a[0], two's complement) += the exact E5M2 product of words wa, wb. */
static inline void mac96(uint32_t *a, uint32_t wa, uint32_t wb) {
    uint32_t p = (wa & 0xFF) * (wb & 0xFF), s = ((wa + wb) >> 8) & 0x7F, neg = (uint32_t) ((int32_t) (wa ^ wb) >> 31);
    uint32_t s5 = s & 31, big = -(s >> 5), lo = p << s5, hi = (p >> 1) >> (31 - s5);
    hi = ((hi & ~big) | (lo & big)) ^ neg;
    lo = (lo & ~big) ^ neg;
    uint32_t t0 = a[0] + lo, c0 = t0 < lo, t0b = t0 + (neg & 1);
    c0 += t0b < t0;
    uint32_t t1 = a[1] + hi, c1 = t1 < hi, t1b = t1 + c0;
    c1 += t1b < t1;
    a[0] = t0b;
    a[1] = t1b;
    a[2] += neg + c1;
}

/* FP32 of a tile's exact sum (96-bit two's complement top:hi:lo, times 2^exp) and its flags. */
static inline uint32_t tile_value(uint32_t top, uint32_t hi, uint32_t lo, int32_t exp, const uint32_t *ma, const uint32_t *mb) {
    uint32_t neg = top >> 31, m = -neg;
    lo ^= m; hi ^= m; top ^= m;                    /* magnitude: ~x + 1 when negative */
    lo += neg; hi += lo < neg; top += hi < (lo < neg);
    uint32_t sh = sf_sel(top != 0, 8, 0);          /* E5M2 sums beyond 64 bits: drop 8 bits into a sticky bit */
    uint32_t sticky = (lo & ((1u << sh) - 1)) != 0;
    lo = ((lo >> sh) | ((hi << 1) << (31 - sh))) | sticky;
    hi = (hi >> sh) | ((top << 1) << (31 - sh));
    uint32_t r = sf_round(neg, hi, lo, exp + (int32_t) sh);
    uint32_t inf = ma[1] | mb[1], sgn = ma[3] ^ mb[3];
    uint32_t nan = ((ma[0] | mb[0] | (ma[1] & mb[2]) | (ma[2] & mb[1])) != 0), pinf = (inf & ~sgn) != 0, ninf = (inf & sgn) != 0;
    r = sf_sel(pinf, 0x7F800000u, sf_sel(ninf, 0xFF800000u, r));
    return sf_sel(nan | (pinf & ninf), SF_NAN, r);
}

/* Decodes the A tile (rows i0.., k0..k0+tl) and the B tile (transposed) into shared memory: word
   loads (4 codes) when K, N and the tile are multiples of 4 (uniform), else byte loads. */
static __attribute__((noinline)) void load_tile(const struct job *g, unsigned i0, unsigned j0, unsigned k0, unsigned tl) {
    unsigned e = simt_gtid(), P = simt_gcount(), words = ((g->K | g->N | tl) & 3) == 0, items = words ? TS * TK / 4 : TS * TK;
    SIMT_WHILE(e < items)                          /* A: row r, k = k0 + c; B: k = k0 + e / TS, column e % TS */
        unsigned r = e / TK, c = e % TK, kb = e / TS, jb = e % TS;
        uint32_t ca = 0, cb = 0;
        if (words) {                               /* uniform: items of 4 codes */
            r = e / (TK / 4), c = 4 * (e % (TK / 4)), kb = e / (TS / 4), jb = 4 * (e % (TS / 4));
            SIMT_IF_V((i0 + r < g->M) & (c < tl), ca)
                ca = ((const uint32_t *) g->A)[((i0 + r) * g->K + k0 + c) / 4];
            SIMT_END_V(ca)
            SIMT_IF_V((kb < tl) & (j0 + jb < g->N), cb)
                cb = ((const uint32_t *) g->B)[((k0 + kb) * g->N + j0 + jb) / 4];
            SIMT_END_V(cb)
        } else {
            SIMT_IF_V((i0 + r < g->M) & (c < tl), ca)
                ca = g->A[(i0 + r) * g->K + k0 + c];
            SIMT_END_V(ca)
            SIMT_IF_V((kb < tl) & (j0 + jb < g->N), cb)
                cb = g->B[(k0 + kb) * g->N + j0 + jb];
            SIMT_END_V(cb)
        }
        for (unsigned b = 0; b < 1 + 3 * words; b++) {
            unsigned ai = r * TK + c + b, bi = (jb + b) * TK + kb;
            sA[ai] = decode((ca >> (8 * b)) & 0xFF, g->e5m2, sK + ai);
            sBt[bi] = decode((cb >> (8 * b)) & 0xFF, g->e5m2, sK + TS * TK + bi);
        }
        e += P;
    SIMT_WEND
}

/* Masks over k of each A row (items 0..TS-1) and B column (items TS..2 TS-1). */
static __attribute__((noinline)) void build_masks(unsigned tl) {
    unsigned e = simt_gtid(), P = simt_gcount();
    SIMT_WHILE(e < 2 * TS)
        const uint8_t *k8 = sK + e * TK;
        uint32_t m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        for (unsigned q = 0; q < tl; q++) {
            uint32_t c = k8[q];
            m0 |= (c & 1) << q;
            m1 |= ((c >> 1) & 1) << q;
            m2 |= ((c >> 2) & 1) << q;
            m3 |= ((c >> 3) & 1) << q;
        }
        sM[4 * e] = m0; sM[4 * e + 1] = m1; sM[4 * e + 2] = m2; sM[4 * e + 3] = m3;
        e += P;
    SIMT_WEND
}

/* Each item (row ii, columns j4..j4+3): the tile's exact sums, rounded, added in FP32. */
static __attribute__((noinline)) void update(unsigned tl, uint32_t first, uint32_t e5m2) {
    unsigned e = simt_gtid(), P = simt_gcount();
    SIMT_WHILE(e < TS * TS / 4)
        unsigned ii = e % TS, j4 = (e / TS) * 4;
        const uint32_t *pa = sA + ii * TK;
        for (unsigned x = 0; x < 4; x++) {
            const uint32_t *pb = sBt + (j4 + x) * TK;
            uint32_t acc[3] = {0, 0, 0};
            int32_t exp = -32;
            if (e5m2) {                                /* uniform */
                for (unsigned q = 0; q < tl; q++) mac96(acc, pa[q], pb[q]);
            } else {
                int64_t c = 0;
                for (unsigned q = 0; q < tl; q++) c += (int64_t) (int32_t) pa[q] * (int32_t) pb[q];
                acc[0] = (uint32_t) c;
                acc[1] = (uint32_t) (c >> 32);
                acc[2] = (uint32_t) (c >> 63);
                exp = -18;
            }
            uint32_t v = tile_value(acc[2], acc[1], acc[0], exp, sM + 4 * ii, sM + 4 * (TS + j4 + x));
            uint32_t *pc = sC + ii * TS + j4 + x;
            *pc = first ? v : sf_add(*pc, v);
        }
        e += P;
    SIMT_WEND
}

/* sC = bias (or 0) at the start of an output tile; C = sC at its end. */
static __attribute__((noinline)) void init_or_store(const struct job *g, unsigned i0, unsigned j0, unsigned store) {
    unsigned e = simt_gtid(), P = simt_gcount();
    SIMT_WHILE(e < TS * TS)
        unsigned ii = e / TS, jj = e % TS;
        uint32_t v = 0;
        SIMT_IF_V((store == 0) & (g->bias != 0) & (j0 + jj < g->N), v)
            v = g->bias[j0 + jj];
        SIMT_END_V(v)
        SIMT_IF_V(store == 0, v)
            sC[e] = v;
        SIMT_END_V(v)
        SIMT_IF((store != 0) & (i0 + ii < g->M) & (j0 + jj < g->N))
            g->C[(i0 + ii) * g->N + j0 + jj] = sC[e];
        SIMT_END
        e += P;
    SIMT_WEND
}

int main(void) {
    struct job g = {(const uint8_t *) kargs[0], (const uint8_t *) kargs[1], (uint32_t *) kargs[2], (uint32_t *) kargs[8],
                    kargs[3], kargs[4], kargs[5], kargs[7]};
    unsigned tile = kargs[6];
    for (unsigned i0 = 0; i0 < g.M; i0 += TS) {
        for (unsigned j0 = 0; j0 < g.N; j0 += TS) {
            init_or_store(&g, i0, j0, 0);
            for (unsigned k0 = 0; k0 < g.K; k0 += tile) {
                unsigned tl = k0 + tile < g.K ? tile : g.K - k0;
                simt_sync();
                load_tile(&g, i0, j0, k0, tl);
                simt_sync();
                build_masks(tl);
                simt_sync();
                update(tl, (k0 == 0) & (g.bias == 0), g.e5m2);
            }
            simt_sync();
            init_or_store(&g, i0, j0, 1);
            simt_sync();
        }
    }
    return 0;
}
