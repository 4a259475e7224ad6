/* INT8 GEMM on the dp4a datapath: the tiling and work-group convention of kernels/gemm.c (see
   gemm_tile.h); each thread updates items of one row and 4 adjacent columns of the 16 x 16 output
   tile, 4 packed INT8 of A against 4 of B per dp4a (4 MACs per lane-instruction; the scalar kernel
   needs 4 multiplies, 3 adds and the byte unpacking for the same). Args: A, B^T (N x K), C, M, K, N,
   WG_FIRST, WG_LAST. */
#include "gemm_tile.h"

static void tile_compute(unsigned t, unsigned P) {
    unsigned e = t;
    SIMT_WHILE(e < TS * TS / 4)                   /* item: row ii, 4 adjacent columns */
        unsigned ii = e % TS, j4 = (e / TS) * 4;
        const uint32_t *pa = (const uint32_t *) (sA + ii * SA), *pb = (const uint32_t *) (sBt + j4 * SA);
        int32_t *pc = sC + ii * SC + j4;
        int32_t c0 = pc[0], c1 = pc[1], c2 = pc[2], c3 = pc[3];
        for (unsigned q = 0; q < TK / 4; q++) {
            uint32_t a = pa[q];
            c0 = simt_dp4a(c0, a, pb[q]);
            c1 = simt_dp4a(c1, a, pb[q + SA / 4]);
            c2 = simt_dp4a(c2, a, pb[q + 2 * SA / 4]);
            c3 = simt_dp4a(c3, a, pb[q + 3 * SA / 4]);
        }
        pc[0] = c0;
        pc[1] = c1;
        pc[2] = c2;
        pc[3] = c3;
        e += P;
    SIMT_WEND
}
