/* The work-group loop of the dp4a and tensor GEMM kernels, shared: the convention of kernels/gemm.c
   (work-group w = the 16 x 16 output tile at rows 16 * (w / TN), columns 16 * (w % TN); core c of C runs
   WG_FIRST + c, + 2c, ...), but B comes transposed (B^T, N x K row-major: the layout matrix units
   want, so fragments of B are whole words like those of A). Args: A, B^T, C, M, K, N, WG_FIRST, WG_LAST.
   Per K chunk of 64 all threads copy the A and B^T chunks (16 x 64 each) into shared memory, meet at a
   barrier, and the kernel's tile_compute updates the INT32 outputs kept in shared memory (sC); then the
   tile is written out. Tiles and chunks wholly inside the matrices take uniform loops (no SPLIT/PRED,
   whole words); the edges take the guarded ones. */
#include "simt.h"

#define TS 16
#define TK 64
#define SA (TK + 4)   /* padded row strides (bytes of sA/sBt, words of sC): no shared-memory bank conflicts */
#define SC (TS + 1)

volatile uint32_t kargs[8];

static int8_t *const sA = (int8_t *) SIMT_SHARED_BASE;                  /* [TS][SA] */
static int8_t *const sBt = (int8_t *) SIMT_SHARED_BASE + TS * SA;       /* [TS][SA]: B chunk transposed */
static int32_t *const sC = (int32_t *) (SIMT_SHARED_BASE + 2 * TS * SA); /* [TS][SC] */

/* Rows r0.. (of `rows`) of a row-major matrix with K columns, columns k0.., into a [TS][SA] shared
   tile: whole words when K is a multiple of 4, bytes otherwise; zero-padded at the edges. */
static void tile_rows(int8_t *dst, const int8_t *src, unsigned rows, unsigned K, unsigned r0, unsigned k0, unsigned t, unsigned P) {
    unsigned e = t;
    if ((K & 3) == 0 && r0 + TS <= rows && k0 + TK <= K && P % (TK / 4) == 0 && TS % (P / (TK / 4)) == 0) {
        /* inside, and the threads tile whole rows: thread t copies word column t % 16 of every
           (P / 16)-th row, with pointer steps only (same trip count for every thread: uniform) */
        unsigned q = t % (TK / 4), r = t / (TK / 4), rstep = P / (TK / 4);
        const uint32_t *s = (const uint32_t *) (src + (r0 + r) * K + k0) + q;
        uint32_t *d = (uint32_t *) dst + r * (SA / 4) + q;
        unsigned sstep = rstep * (K / 4), dstep = rstep * (SA / 4);
        for (; r < TS; r += rstep, s += sstep, d += dstep) *d = *s;
    } else if ((K & 3) == 0) {                     /* uniform: whole words are in or out */
        const uint32_t *src32 = (const uint32_t *) src;
        SIMT_WHILE(e < TS * TK / 4)                 /* 16 rows x 8 words */
            unsigned r = e / (TK / 4), k = k0 + (e % (TK / 4)) * 4;
            uint32_t w = 0;
            SIMT_IF_V((r0 + r < rows) & (k < K), w)
                w = src32[((r0 + r) * K + k) / 4];
            SIMT_END_V(w)
            ((uint32_t *) dst)[r * (SA / 4) + e % (TK / 4)] = w;
            e += P;
        SIMT_WEND
    } else {
        SIMT_WHILE(e < TS * TK)
            unsigned r = e / TK, c = e % TK, k = k0 + c;
            int8_t v = 0;
            SIMT_IF_V((r0 + r < rows) & (k < K), v)
                v = src[(r0 + r) * K + k];
            SIMT_END_V(v)
            dst[r * SA + c] = v;
            e += P;
        SIMT_WEND
    }
}

static void tile_compute(unsigned t, unsigned P);

int main(void) {
    const int8_t *A = (const int8_t *) kargs[0], *Bt = (const int8_t *) kargs[1];
    int32_t *C = (int32_t *) kargs[2];
    unsigned M = kargs[3], K = kargs[4], N = kargs[5], wgFirst = kargs[6], wgLast = kargs[7], tn = (N + TS - 1) / TS;
    unsigned t = simt_gtid(), P = simt_gcount();
    for (unsigned wg = wgFirst + simt_core_id(); wg < wgLast; wg += simt_num_cores()) {
        unsigned i0 = wg / tn * TS, j0 = wg % tn * TS, e = t;
        if ((TS * TS) % P == 0) {                           /* uniform: same trip count for every thread */
            for (; e < TS * TS; e += P) sC[e / TS * SC + e % TS] = 0;
        } else {
            SIMT_WHILE(e < TS * TS)
                sC[e / TS * SC + e % TS] = 0;
                e += P;
            SIMT_WEND
        }
        unsigned inside = i0 + TS <= M && j0 + TS <= N;      /* uniform */
        for (unsigned k0 = 0; k0 < K; k0 += TK) {
            simt_sync();
            tile_rows(sA, A, M, K, i0, k0, t, P);
            tile_rows(sBt, Bt, N, K, j0, k0, t, P);
            simt_sync();
            tile_compute(t, P);
        }
        simt_sync();
        e = t;
        if (inside && (TS * TS) % P == 0) {
            for (; e < TS * TS; e += P) C[(i0 + e / TS) * N + j0 + e % TS] = sC[e / TS * SC + e % TS];
        } else if (inside) {
            SIMT_WHILE(e < TS * TS)
                C[(i0 + e / TS) * N + j0 + e % TS] = sC[e / TS * SC + e % TS];
                e += P;
            SIMT_WEND
        } else {
            SIMT_WHILE(e < TS * TS)
                unsigned ii = e / TS, jj = e % TS;
                SIMT_IF((i0 + ii < M) & (j0 + jj < N))
                    C[(i0 + ii) * N + j0 + jj] = sC[ii * SC + jj];
                SIMT_END
                e += P;
            SIMT_WEND
        }
        simt_sync();
    }
    return 0;
}
