/* MXFP4 GEMM in software, as a GPU without MX support runs it: C (M x N, FP32 bits) = A (M x K) x
   B (K x N) (+ bias). Elements are E2M1 codes packed two a byte along K, low nibble first: A row-major
   and B column-major (B^T), both ceil(K/2) bytes a row, so a 32-element K chunk of a row or a column is
   one 16-byte beat; scales E8M0 block-major: A nb x M, B nb x N (nb = ceil(K/32) blocks along K), so a
   tile's 16 row scales are one coalesced access.
   Accumulation as the golden model defines it
   (io.rtlbench.testbenches.formats.FormatGolden): K tiles of `tile` elements, cut at the 32-element
   blocks; within a tile the products of the elements' doubled values (integers -12..12) are summed
   exactly in 32 bits (4 per word, as the INT8 kernel does), scaled by 2^(sa + sb - 256) and rounded
   once to FP32; tiles are added in FP32 in ascending K (softfp.h). A NaN scale (0xFF) makes the
   tile NaN. Output tiles of 16 x 16; per K tile all threads decode the elements into shared
   memory as signed bytes (word loads of 8 elements when K and the tile are multiples of 8, else
   byte loads) and copy the tile's scales, then each thread updates row ii x 4 columns.
   Each phase is a function of its own: 260-byte thread stacks do not hold one big frame.
   Args: A, A scales, B, B scales, C, M, K, N, tile (1..32), bias (FP32 array or 0). */
#include "simt.h"
#include "softfp.h"

#define TS 16
#define TK 32
#define SA (TK + 4)   /* padded row stride (bytes): no shared-memory bank conflicts */

volatile uint32_t kargs[10];

#define sA ((int8_t *) SIMT_SHARED_BASE)            /* [TS][SA] doubled A values */
#define sBt (sA + TS * SA)                          /* [TS][SA] doubled B values, transposed */
#define sS ((uint32_t *) (sBt + TS * SA))           /* [2 TS] scales: A rows, then B columns */
#define sC (sS + 2 * TS)                            /* [TS][TS] FP32 accumulators */

struct job { const uint8_t *A, *As, *B, *Bs; uint32_t *C, *bias; unsigned M, K, N; };

/* Twice the value of E2M1 code c: +-{0, 1, 2, 3, 4, 6, 8, 12}. */
static inline int32_t twice(uint32_t c) {
    uint32_t e = (c >> 1) & 3, normal = e != 0, neg = (c >> 3) & 1;
    uint32_t v = ((normal << 1) | (c & 1)) << (e - normal);
    return (int32_t) ((v ^ -neg) + neg);
}

static inline int32_t dot4(uint32_t a, uint32_t b) {
    return (int8_t) a * (int8_t) b + (int8_t) (a >> 8) * (int8_t) (b >> 8) + (int8_t) (a >> 16) * (int8_t) (b >> 16)
        + ((int32_t) a >> 24) * ((int32_t) b >> 24);
}

/* Decodes the tile's elements (A rows i0.., B columns j0.., k0..k0+tl) and copies its scales:
   word loads (8 elements) when K and the tile are multiples of 8 (uniform), else byte loads. */
static __attribute__((noinline)) void load_tile(const struct job *g, unsigned i0, unsigned j0, unsigned k0, unsigned tl) {
    unsigned e = simt_gtid(), P = simt_gcount(), stride = (g->K + 1) / 2, blk = k0 / 32;
    unsigned words = ((g->K | tl) & 7) == 0, items = words ? TS * TK / 8 : TS * TK;
    SIMT_WHILE(e < items)                          /* row r of A and column r of B, k = k0 + c */
        unsigned r = e / TK, c = e % TK;
        uint32_t ba = 0, bb = 0;
        if (words) {                               /* uniform: items of 8 elements */
            r = e / (TK / 8), c = 8 * (e % (TK / 8));
            SIMT_IF_V((i0 + r < g->M) & (c < tl), ba)
                ba = ((const uint32_t *) g->A)[((i0 + r) * stride + (k0 + c) / 2) / 4];
            SIMT_END_V(ba)
            SIMT_IF_V((j0 + r < g->N) & (c < tl), bb)
                bb = ((const uint32_t *) g->B)[((j0 + r) * stride + (k0 + c) / 2) / 4];
            SIMT_END_V(bb)
        } else {
            unsigned k = k0 + c;
            SIMT_IF_V((i0 + r < g->M) & (c < tl), ba)
                ba = g->A[(i0 + r) * stride + k / 2] >> (4 * (k & 1));
            SIMT_END_V(ba)
            SIMT_IF_V((j0 + r < g->N) & (c < tl), bb)
                bb = g->B[(j0 + r) * stride + k / 2] >> (4 * (k & 1));
            SIMT_END_V(bb)
        }
        for (unsigned b = 0; b < 1 + 7 * words; b++) {
            sA[r * SA + c + b] = (int8_t) twice((ba >> (4 * b)) & 15);
            sBt[r * SA + c + b] = (int8_t) twice((bb >> (4 * b)) & 15);
        }
        e += P;
    SIMT_WEND
    e = simt_gtid();
    SIMT_WHILE(e < 2 * TS)                         /* scales of A row e, or of B column e - TS (both block-major) */
        uint32_t s = 0, row = i0 + e, col = j0 + e - TS, isA = e < TS;
        SIMT_IF_V(isA & (row < g->M), s)
            s = g->As[blk * g->M + row];
        SIMT_END_V(s)
        SIMT_IF_V((isA ^ 1) & (col < g->N), s)
            s = g->Bs[blk * g->N + col];
        SIMT_END_V(s)
        sS[e] = s;
        e += P;
    SIMT_WEND
}

/* Each item (row ii, columns j4..j4+3): exact integer sums, scaled and rounded, added in FP32. */
static __attribute__((noinline)) void update(unsigned tl, uint32_t first) {
    unsigned e = simt_gtid(), P = simt_gcount();
    SIMT_WHILE(e < TS * TS / 4)
        unsigned ii = e % TS, j4 = (e / TS) * 4;
        const uint32_t *pa = (const uint32_t *) (sA + ii * SA), *pb = (const uint32_t *) (sBt + j4 * SA);
        int32_t c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (unsigned q = 0; q < (tl + 3) / 4; q++) {
            uint32_t a = pa[q];
            c0 += dot4(a, pb[q]);
            c1 += dot4(a, pb[q + SA / 4]);
            c2 += dot4(a, pb[q + 2 * SA / 4]);
            c3 += dot4(a, pb[q + 3 * SA / 4]);
        }
        int32_t c[4] = {c0, c1, c2, c3};
        uint32_t sa = sS[ii];
        for (unsigned x = 0; x < 4; x++) {
            uint32_t sb = sS[TS + j4 + x], neg = (uint32_t) c[x] >> 31, mag = ((uint32_t) c[x] ^ -neg) + neg;
            uint32_t v = sf_sel((sa == 255) | (sb == 255), SF_NAN, sf_round(neg, 0, mag, (int32_t) (sa + sb) - 256));
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
    unsigned K = kargs[6];
    struct job g = {(const uint8_t *) kargs[0], (const uint8_t *) kargs[1], (const uint8_t *) kargs[2], (const uint8_t *) kargs[3],
                    (uint32_t *) kargs[4], (uint32_t *) kargs[9], kargs[5], K, kargs[7]};
    unsigned tile = kargs[8];
    for (unsigned i0 = 0; i0 < g.M; i0 += TS) {
        for (unsigned j0 = 0; j0 < g.N; j0 += TS) {
            init_or_store(&g, i0, j0, 0);
            for (unsigned k0 = 0; k0 < K; ) {
                unsigned blockEnd = (k0 / 32 + 1) * 32, k1 = k0 + tile;
                k1 = k1 < blockEnd ? k1 : blockEnd;
                k1 = k1 < K ? k1 : K;
                simt_sync();
                load_tile(&g, i0, j0, k0, k1 - k0);
                simt_sync();
                update(k1 - k0, (k0 == 0) & (g.bias == 0));
                k0 = k1;
            }
            simt_sync();
            init_or_store(&g, i0, j0, 1);
            simt_sync();
        }
    }
    return 0;
}
