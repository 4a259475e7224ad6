/* INT8 GEMM with INT32 wrapping accumulation: C (M x N) = A (M x K) x B (K x N), row-major.
   Output tiles of 16 x 16; K in chunks of 32. Per chunk all threads copy the A chunk (16 x 32)
   and the transposed B chunk (16 x 32) into shared memory (zero-padded at the edges; coalesced
   word loads from global when K and N are multiples of 4, byte loads otherwise), meet at a barrier, then each thread updates its outputs (kept in shared
   memory as INT32) with word loads of 4 A and 4 B bytes at a time (4 MACs per pair of loads).
   Args: A, B, C, M, K, N, WG_FIRST, WG_LAST.
   Work-group convention (shared by every GEMM kernel, so a host can run any subset of a layer, e.g.
   for sampled emulation): work-group w computes the 16 x 16 output tile at rows 16 * (w / TN),
   columns 16 * (w % TN), TN = ceil(N / 16), over all of K; work-groups are independent; a launch
   runs work-groups WG_FIRST .. WG_LAST - 1 in order (all of the core's threads on one at a time)
   and writes only their outputs. The layer has ceil(M / 16) * TN work-groups. */
#include "simt.h"

#define TS 16
#define TK 32
#define SA (TK + 4)   /* padded row strides (bytes of sA/sBt, words of sC): no shared-memory bank conflicts */
#define SC (TS + 1)

volatile uint32_t kargs[8];

/* 4 INT8 MACs: a0..a3 already sign-extended, b holds 4 packed INT8. */
static inline int32_t dot4(int32_t a0, int32_t a1, int32_t a2, int32_t a3, uint32_t b) {
    return a0 * (int8_t) b + a1 * (int8_t) (b >> 8) + a2 * (int8_t) (b >> 16) + a3 * ((int32_t) b >> 24);
}

int main(void) {
    const int8_t *A = (const int8_t *) kargs[0], *B = (const int8_t *) kargs[1];
    int32_t *C = (int32_t *) kargs[2];
    unsigned M = kargs[3], K = kargs[4], N = kargs[5], wgFirst = kargs[6], wgLast = kargs[7], tn = (N + TS - 1) / TS;
    int8_t *sA = (int8_t *) SIMT_SHARED_BASE;                 /* [TS][SA] */
    int8_t *sBt = sA + TS * SA;                               /* [TS][SA]: B chunk transposed */
    int32_t *sC = (int32_t *) (sBt + TS * SA);                /* [TS][SC] */
    unsigned t = simt_gtid(), P = simt_gcount();
    for (unsigned wg = wgFirst; wg < wgLast; wg++) {
        unsigned i0 = wg / tn * TS, j0 = wg % tn * TS;
        unsigned e = t;
        SIMT_WHILE(e < TS * TS)
            sC[e / TS * SC + e % TS] = 0;
            e += P;
        SIMT_WEND
        for (unsigned k0 = 0; k0 < K; k0 += TK) {
            simt_sync();
            if (((K | N) & 3) == 0) {                      /* uniform: whole words are in or out */
                const uint32_t *A32 = (const uint32_t *) A, *B32 = (const uint32_t *) B;
                e = t;
                SIMT_WHILE(e < TS * TK / 4)                 /* A chunk: 16 rows x 8 words */
                    unsigned r = e / (TK / 4), k = k0 + (e % (TK / 4)) * 4;
                    uint32_t w = 0;
                    SIMT_IF_V((i0 + r < M) & (k < K), w)
                        w = A32[((i0 + r) * K + k) / 4];
                    SIMT_END_V(w)
                    ((uint32_t *) sA)[r * (SA / 4) + e % (TK / 4)] = w;
                    e += P;
                SIMT_WEND
                e = t;
                SIMT_WHILE(e < TK * TS / 4)                 /* B chunk: 32 rows x 4 words, transposed */
                    unsigned kr = e / (TS / 4), jw = (e % (TS / 4)) * 4, kb = k0 + kr;
                    uint32_t w = 0;
                    SIMT_IF_V((kb < K) & (j0 + jw < N), w)
                        w = B32[(kb * N + j0 + jw) / 4];
                    SIMT_END_V(w)
                    sBt[jw * SA + kr] = (int8_t) w;
                    sBt[(jw + 1) * SA + kr] = (int8_t) (w >> 8);
                    sBt[(jw + 2) * SA + kr] = (int8_t) (w >> 16);
                    sBt[(jw + 3) * SA + kr] = (int8_t) (w >> 24);
                    e += P;
                SIMT_WEND
            } else {
                e = t;
                SIMT_WHILE(e < TS * TK)
                    unsigned r = e / TK, c = e % TK, k = k0 + c;
                    int8_t va = 0, vb = 0;
                    SIMT_IF_V((i0 + r < M) & (k < K), va)
                        va = A[(i0 + r) * K + k];
                    SIMT_END_V(va)
                    unsigned kb = k0 + e / TS, jb = e % TS;           /* B row kb, column j0 + jb */
                    SIMT_IF_V((kb < K) & (j0 + jb < N), vb)
                        vb = B[kb * N + j0 + jb];
                    SIMT_END_V(vb)
                    sA[r * SA + c] = va;
                    sBt[jb * SA + e / TS] = vb;
                    e += P;
                SIMT_WEND
            }
            simt_sync();
            e = t;
            SIMT_WHILE(e < TS * TS / 4)                   /* item: row ii, 4 adjacent columns */
                unsigned ii = e % TS, j4 = (e / TS) * 4;
                const uint32_t *pa = (const uint32_t *) (sA + ii * SA), *pb = (const uint32_t *) (sBt + j4 * SA);
                int32_t *pc = sC + ii * SC + j4;
                int32_t c0 = pc[0], c1 = pc[1], c2 = pc[2], c3 = pc[3];
                for (unsigned q = 0; q < TK / 4; q++) {
                    uint32_t a = pa[q];                   /* A bytes unpacked once, used 4 times */
                    int32_t a0 = (int8_t) a, a1 = (int8_t) (a >> 8), a2 = (int8_t) (a >> 16), a3 = (int32_t) a >> 24;
                    c0 += dot4(a0, a1, a2, a3, pb[q]);
                    c1 += dot4(a0, a1, a2, a3, pb[q + SA / 4]);
                    c2 += dot4(a0, a1, a2, a3, pb[q + 2 * SA / 4]);
                    c3 += dot4(a0, a1, a2, a3, pb[q + 3 * SA / 4]);
                }
                pc[0] = c0;
                pc[1] = c1;
                pc[2] = c2;
                pc[3] = c3;
                e += P;
            SIMT_WEND
        }
        simt_sync();
        e = t;
        SIMT_WHILE(e < TS * TS)
            unsigned ii = e / TS, jj = e % TS;
            SIMT_IF((i0 + ii < M) & (j0 + jj < N))
                C[(i0 + ii) * N + j0 + jj] = sC[ii * SC + jj];
            SIMT_END
            e += P;
        SIMT_WEND
        simt_sync();
    }
    return 0;
}
