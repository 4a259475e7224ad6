/* INT8 GEMM on the tensor datapath: the tiling and work-group convention of kernels/gemm.c (see
   gemm_tile.h); the 16 x 16 output tile is cut into mma tiles (M = N = 2g, K = 4g for T = 2g^2 threads
   per warp: T = 8 gives 4 x 4 tiles and k = 8 per mma) and those into 2 x 2 blocks, dealt round-robin
   to the warps. Per K chunk a warp loads its block's four C fragments from shared memory, and per k
   step loads two A and two B fragments (one word each per thread, see TensorUnit.java for the layout)
   for four mma instructions (each fragment used twice), then stores C back. Needs 2, 8 or 32 threads
   per warp. Args: A, B^T (N x K), C, M, K, N, WG_FIRST, WG_LAST. */
#include "gemm_tile.h"

static void tile_compute(unsigned t, unsigned P) {
    (void) t;
    (void) P;
    /* g = 1, 2, 4 for T = 2, 8, 32: shifts, not divisions (the divider takes 33 cycles) */
    unsigned T = simt_num_threads(), lg = T == 2 ? 0 : T == 8 ? 1 : 2, g = 1u << lg, mt = 2 * g, kk = 4 * g;
    unsigned lb = 2 - lg;                                  /* blocks per side: 16 / (2 mt) = 1 << lb */
    unsigned lane = simt_csr_thread_id(), grp = lane >> lg, tig = lane & (g - 1), W = simt_num_warps();
    for (unsigned blk = simt_warp_id(); blk < (1u << (2 * lb)); blk += W) {   /* warp-uniform */
        unsigned r0 = (blk >> lb) * 2 * mt + grp, c0 = (blk & ((1u << lb) - 1)) * 2 * mt;
        const int8_t *pa = sA + r0 * SA + 4 * tig, *pb = sBt + (c0 + grp) * SA + 4 * tig;
        int32_t *pc = sC + r0 * SC + c0 + 2 * tig;
        register int32_t d00 asm("x28") = pc[0], d01 asm("x29") = pc[1];
        register int32_t e00 asm("x30") = pc[mt], e01 asm("x31") = pc[mt + 1];
        register int32_t d10 asm("x6") = pc[mt * SC], d11 asm("x7") = pc[mt * SC + 1];
        register int32_t e10 asm("x16") = pc[mt * SC + mt], e11 asm("x17") = pc[mt * SC + mt + 1];
        for (unsigned k = 0; k < TK; k += kk) {
            uint32_t a0 = *(const uint32_t *) (pa + k), a1 = *(const uint32_t *) (pa + mt * SA + k);
            uint32_t b0 = *(const uint32_t *) (pb + k), b1 = *(const uint32_t *) (pb + mt * SA + k);
            SIMT_MMA(x28, d00, d01, a0, b0);
            SIMT_MMA(x30, e00, e01, a0, b1);
            SIMT_MMA(x6, d10, d11, a1, b0);
            SIMT_MMA(x16, e10, e11, a1, b1);
        }
        pc[0] = d00;
        pc[1] = d01;
        pc[mt] = e00;
        pc[mt + 1] = e01;
        pc[mt * SC] = d10;
        pc[mt * SC + 1] = d11;
        pc[mt * SC + mt] = e10;
        pc[mt * SC + mt + 1] = e11;
    }
}
