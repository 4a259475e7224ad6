/* SIMT kernel runtime: ids from CSRs and the custom-0 SIMT instructions as inline assembly.
   GCC knows nothing about divergence: every branch whose outcome may differ between the threads
   of a warp must go through SIMT_IF/SIMT_ELSE/SIMT_END (SPLIT/JOIN) or SIMT_WHILE (PRED). */
#ifndef SIMT_H
#define SIMT_H
#include <stdint.h>

#define SIMT_SHARED_BASE 0x70000000u

static inline unsigned simt_csr_thread_id(void) { unsigned v; __asm__ volatile("csrr %0, 0xCC0" : "=r"(v)); return v; }
static inline unsigned simt_warp_id(void) { unsigned v; __asm__ volatile("csrr %0, 0xCC1" : "=r"(v)); return v; }
static inline unsigned simt_thread_mask(void) { unsigned v; __asm__ volatile("csrr %0, 0xCC4" : "=r"(v)); return v; }
static inline unsigned simt_num_threads(void) { unsigned v; __asm__ volatile("csrr %0, 0xFC0" : "=r"(v)); return v; }
static inline unsigned simt_num_warps(void) { unsigned v; __asm__ volatile("csrr %0, 0xFC1" : "=r"(v)); return v; }
/* This core's id and the GPU's core count (work-groups are spread over cores by these). */
static inline unsigned simt_core_id(void) { unsigned v; __asm__ volatile("csrr %0, 0xCC2" : "=r"(v)); return v; }
static inline unsigned simt_num_cores(void) { unsigned v; __asm__ volatile("csrr %0, 0xFC2" : "=r"(v)); return v; }
/* Thread id within the core (warp * threads + lane) and the core's thread count. */
static inline unsigned simt_gtid(void) { unsigned v; __asm__ volatile("csrr %0, mhartid" : "=r"(v)); return v; }
static inline unsigned simt_gcount(void) { return simt_num_threads() * simt_num_warps(); }

static inline void simt_tmc(unsigned mask) { __asm__ volatile(".insn r 0x0b, 0, 0, x0, %0, x0" :: "r"(mask) : "memory"); }
static inline void simt_wspawn(unsigned n, void *pc) { __asm__ volatile(".insn r 0x0b, 1, 0, x0, %0, %1" :: "r"(n), "r"(pc) : "memory"); }
static inline unsigned simt_split(int pred) {
    unsigned t; __asm__ volatile(".insn r 0x0b, 2, 0, %0, %1, x0" : "=r"(t) : "r"(pred) : "memory"); return t;
}
static inline void simt_join(unsigned token) { __asm__ volatile(".insn r 0x0b, 3, 0, x0, %0, x0" :: "r"(token) : "memory"); }
static inline void simt_barrier(unsigned id, unsigned warps) {
    __asm__ volatile(".insn r 0x0b, 4, 0, x0, %0, %1" :: "r"(id), "r"(warps) : "memory");
}
static inline void simt_pred(int pred, unsigned restore) {
    __asm__ volatile(".insn r 0x0b, 5, 0, x0, %0, %1" :: "r"(pred), "r"(restore) : "memory");
}
/* All warps of the kernel meet (warp-granular: a warp is one participant). */
static inline void simt_sync(void) { simt_barrier(0, simt_num_warps()); }

/* if (c) { ... } [else { ... }] with reconvergence; c is evaluated once. The "memory" clobbers keep
   loads and stores inside the region, but GCC may move pure register computations across it (it
   once hoisted a clamp, with a branch of its own, in front of the SPLIT): when the body assigns a
   register variable v, use SIMT_IF_V(c, v) ... SIMT_END_V(v), which make v opaque at the SPLIT and
   consumed at the JOIN, so its new value must be computed in between. */
#define SIMT_IF(c) { int simt_c_ = (c); unsigned simt_t_ = simt_split(simt_c_); if (simt_c_) {
#define SIMT_ELSE } else {
#define SIMT_END } simt_join(simt_t_); }
#define SIMT_IF_V(c, v) { int simt_c_ = (c); unsigned simt_t_;                                         \
    __asm__ volatile(".insn r 0x0b, 2, 0, %0, %2, x0" : "=r"(simt_t_), "+r"(v) : "r"(simt_c_) : "memory"); \
    if (simt_c_) {
#define SIMT_END_V(v) } __asm__ volatile(".insn r 0x0b, 3, 0, x0, %1, x0" : "+r"(v) : "r"(simt_t_) : "memory"); }
/* while (c) { ... } where threads may leave at different iterations: PRED keeps only the threads
   with c true; when none is left it restores the mask saved before the loop and the loop exits. */
#define SIMT_WHILE(c) for (unsigned simt_m_ = simt_thread_mask();;) { int simt_w_ = (c); simt_pred(simt_w_, simt_m_); if (!simt_w_) break;
#define SIMT_WEND }

/* dp4a (custom-1, the dp4a and tensor datapaths): acc + the sum of the four signed byte products of
   a and b, like PTX dp4a.s32.s32. */
static inline int32_t simt_dp4a(int32_t acc, uint32_t a, uint32_t b) {
    __asm__(".insn r 0x2b, 0, 0, %0, %1, %2" : "+r"(acc) : "r"(a), "r"(b)); return acc;
}
/* mma (custom-2, the tensor datapath): {D0, D1} = A x B + {D0, D1} over the whole warp, A and B one
   register of four INT8 per thread, D0/D1 the thread's two INT32 of the tile (tile and fragment layout
   in rtl/.../simt/TensorUnit.java; T = 8 threads: m4n4k8, T = 32: m8n8k16). D0 and D1 must be an
   even/odd register pair: declare them `register int32_t d0 asm("x28"), d1 asm("x29");` and pass the
   even register's name as R. All threads of the warp must execute it together. */
#define SIMT_MMA(R, d0, d1, a, b) \
    __asm__ volatile(".insn r 0x5b, 0, 0, " #R ", %2, %3" : "+r"(d0), "+r"(d1) : "r"(a), "r"(b))
#endif
