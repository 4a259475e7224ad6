/* Forwards each API call through the handle's function table (see rbapi.h). One small library for
 * all designs, so Java can bind it once with JNA direct mapping (~100 ns a call instead of ~500). */
#include "rbapi.h"
#define VT(h) (((RbHandle*)(h))->vt)

void rb_destroy(void* h) { VT(h)->destroy(h); }
const char* rb_last_error(void* h) { return VT(h)->last_error(h); }
int32_t rb_num_ports(void* h) { return VT(h)->num_ports(h); }
const char* rb_port_name(void* h, int32_t i) { return VT(h)->port_name(h, i); }
int32_t rb_port_width(void* h, int32_t i) { return VT(h)->port_width(h, i); }
int32_t rb_port_dir(void* h, int32_t i) { return VT(h)->port_dir(h, i); }
int32_t rb_num_mems(void* h) { return VT(h)->num_mems(h); }
const char* rb_mem_name(void* h, int32_t i) { return VT(h)->mem_name(h, i); }
int64_t rb_mem_depth(void* h, int32_t i) { return VT(h)->mem_depth(h, i); }
int32_t rb_mem_width(void* h, int32_t i) { return VT(h)->mem_width(h, i); }
int32_t rb_num_toggles(void* h) { return VT(h)->num_toggles(h); }
const char* rb_toggle_name(void* h, int32_t i) { return VT(h)->toggle_name(h, i); }
int32_t rb_toggle_width(void* h, int32_t i) { return VT(h)->toggle_width(h, i); }
int32_t rb_toggle_class(void* h, int32_t i) { return VT(h)->toggle_class(h, i); }
void rb_poke(void* h, int32_t p, const uint64_t* w) { VT(h)->poke(h, p, w); }
void rb_peek(void* h, int32_t p, uint64_t* w) { VT(h)->peek(h, p, w); }
void rb_step(void* h, int64_t n) { VT(h)->step(h, n); }
int64_t rb_cycle(void* h) { return VT(h)->cycle(h); }
int64_t rb_run(void* h, int64_t n, int32_t nin, const int32_t* ip, const uint64_t* iw,
               int32_t nout, const int32_t* op, uint64_t* ow) { return VT(h)->run(h, n, nin, ip, iw, nout, op, ow); }
int64_t rb_run_until(void* h, int32_t done, int64_t max) { return VT(h)->run_until(h, done, max); }
int64_t rb_bench_native(void* h, int64_t n, int32_t nin, const int32_t* ip, const uint64_t* iw,
                        int32_t nout, const int32_t* op, uint64_t* ow) { return VT(h)->bench_native(h, n, nin, ip, iw, nout, op, ow); }
int32_t rb_mem_read(void* h, int32_t m, int64_t s, int64_t c, uint64_t* w) { return VT(h)->mem_read(h, m, s, c, w); }
int32_t rb_mem_write(void* h, int32_t m, int64_t s, int64_t c, const uint64_t* w) { return VT(h)->mem_write(h, m, s, c, w); }
int32_t rb_trace_window(void* h, const char* path, int64_t from, int64_t to) { return VT(h)->trace_window(h, path, from, to); }
void rb_trace_close(void* h) { VT(h)->trace_close(h); }
int32_t rb_trace_scope(void* h, const char* scope) { return VT(h)->trace_scope(h, scope); }
int32_t rb_toggles_enable(void* h, int32_t on) { return VT(h)->toggles_enable(h, on); }
void rb_toggles_read(void* h, uint64_t* c) { VT(h)->toggles_read(h, c); }
void rb_toggles_clear(void* h) { VT(h)->toggles_clear(h); }
