// rtlbench generic emulator harness: wraps one Verilated design ("Vdut") behind the flat C API of
// rbapi.h. Design-specific tables (ports, memories, toggle-counted signals) come from the generated
// design.inc. Cycle protocol: apply inputs with clock low, eval, sample outputs, raise clock, eval.
// VCD time: cycle c's clock-low half is at 10c, its rising edge at 10c+5. Built per design as a
// shared library with -fvisibility=hidden; only rb_create is exported.
#include "Vdut.h"
#include "Vdut___024root.h"
#include "verilated.h"
#include "rbapi.h"
#ifdef RB_WITH_TRACE
#include "verilated_vcd_c.h"
#endif
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

struct RbPortInfo { const char* name; int32_t width; int32_t dir; int32_t bytes; int32_t words32; };
struct RbMemInfo { const char* name; int64_t depth; int32_t width; int32_t bytes; int32_t words32; };
struct RbSigInfo { const char* name; int32_t width; int32_t cls; };
#include "design.inc"

namespace {

struct Sim {
    const RbVtable* vt;  // must stay first (RbHandle)
    VerilatedContext* ctx;
    Vdut* m;
    void* port[RB_NUM_PORTS + 1];
    uint64_t mask[RB_NUM_PORTS + 1];  // mask of each port's top 64-bit word
    void* mem[RB_NUM_MEMS + 1];
    int64_t cycle = 0;
    bool dirty = true;  // inputs changed since the last eval
    std::string error;
#ifdef RB_WITH_TRACE
    VerilatedVcdC* vcd = nullptr;
    std::string trace_path;
    int64_t trace_from = -1, trace_to = -1;
    bool trace_open = false;
    std::vector<std::string> trace_scopes;
#endif
#ifdef RB_WITH_TOGGLES
    bool toggles_on = false;
    uint64_t counts[RB_NUM_TOGGLES + 1];
    RbTogglePrev prev;
#endif
};

inline Sim* S(void* h) { return static_cast<Sim*>(h); }
inline void own(Sim* s) { Verilated::threadContextp(s->ctx); }  // Verilator 5.006 multi-model fix

#include "rbvalues.h"

inline void settle(Sim* s) {
    if (s->dirty) { s->m->eval(); s->dirty = false; }
}

#include "rbtrace.h"

// Clock low with the current inputs: combinational logic settles (outputs valid to sample) and the
// activity counters sample every counted signal: exactly the values the coming edge uses.
inline void low_half(Sim* s) {
    s->m->clock = 0;
    s->m->eval();
    s->dirty = false;
    TRACE_AT(s, static_cast<uint64_t>(s->cycle) * 10);
#ifdef RB_WITH_TOGGLES
    if (s->toggles_on) rb_count_toggles(s->m->rootp, &s->prev, s->counts, true);
#endif
}

// Rising edge: registers update (counted at the next cycle's clock-low sample).
inline void high_half(Sim* s) {
    s->m->clock = 1;
    s->m->eval();
    TRACE_AT(s, static_cast<uint64_t>(s->cycle) * 10 + 5);
    s->cycle++;
}

inline void apply_row(Sim* s, int32_t nin, const int32_t* ports, const uint64_t* row) {
    for (int32_t k = 0; k < nin; k++) {
        int p = ports[k];
        const RbPortInfo& pi = RB_PORTS[p];
        store(s->port[p], pi.bytes, pi.words32, row, s->mask[p], pi.width);
        row += words64(pi.width);
    }
}

inline void sample_row(Sim* s, int32_t nout, const int32_t* ports, uint64_t* row) {
    for (int32_t k = 0; k < nout; k++) {
        int p = ports[k];
        const RbPortInfo& pi = RB_PORTS[p];
        load(s->port[p], pi.bytes, pi.words32, row, pi.width);
        row += words64(pi.width);
    }
}

int row_words(int32_t n, const int32_t* ports) {
    int w = 0;
    for (int32_t k = 0; k < n; k++) w += words64(RB_PORTS[ports[k]].width);
    return w;
}

// ---- API ---------------------------------------------------------------------------------------
void api_destroy(void* h) {
    Sim* s = S(h);
    own(s);
#ifdef RB_WITH_TRACE
    if (s->trace_open) s->vcd->close();
    delete s->vcd;
#endif
    s->m->final();
    delete s->m;
    own(s);
    delete s->ctx;
    delete s;
}
const char* api_last_error(void* h) { return S(h)->error.c_str(); }
int32_t api_num_ports(void*) { return RB_NUM_PORTS; }
const char* api_port_name(void*, int32_t i) { return RB_PORTS[i].name; }
int32_t api_port_width(void*, int32_t i) { return RB_PORTS[i].width; }
int32_t api_port_dir(void*, int32_t i) { return RB_PORTS[i].dir; }
int32_t api_num_mems(void*) { return RB_NUM_MEMS; }
const char* api_mem_name(void*, int32_t i) { return RB_MEMS[i].name; }
int64_t api_mem_depth(void*, int32_t i) { return RB_MEMS[i].depth; }
int32_t api_mem_width(void*, int32_t i) { return RB_MEMS[i].width; }
int32_t api_num_toggles(void*) { return RB_NUM_TOGGLES; }
const char* api_toggle_name(void*, int32_t i) { return RB_TOGGLES[i].name; }
int32_t api_toggle_width(void*, int32_t i) { return RB_TOGGLES[i].width; }
int32_t api_toggle_class(void*, int32_t i) { return RB_TOGGLES[i].cls; }

void api_poke(void* h, int32_t p, const uint64_t* w) {
    Sim* s = S(h);
    const RbPortInfo& pi = RB_PORTS[p];
    store(s->port[p], pi.bytes, pi.words32, w, s->mask[p], pi.width);
    s->dirty = true;
}
void api_peek(void* h, int32_t p, uint64_t* w) {
    Sim* s = S(h);
    own(s);
    settle(s);
    const RbPortInfo& pi = RB_PORTS[p];
    load(s->port[p], pi.bytes, pi.words32, w, pi.width);
}
void api_step(void* h, int64_t n) {
    Sim* s = S(h);
    own(s);
    for (int64_t i = 0; i < n; i++) { low_half(s); high_half(s); }
}
int64_t api_cycle(void* h) { return S(h)->cycle; }

int64_t api_run(void* h, int64_t n, int32_t nin, const int32_t* ip, const uint64_t* iw,
                int32_t nout, const int32_t* op, uint64_t* ow) {
    Sim* s = S(h);
    own(s);
    const int inw = row_words(nin, ip), outw = row_words(nout, op);
    for (int64_t c = 0; c < n; c++) {
        if (nin) apply_row(s, nin, ip, iw + c * inw);
        low_half(s);
        if (nout) sample_row(s, nout, op, ow + c * outw);
        high_half(s);
    }
    return n;
}

int64_t api_run_until(void* h, int32_t done, int64_t max) {
    Sim* s = S(h);
    own(s);
    const RbPortInfo& pi = RB_PORTS[done];
    uint64_t v[64];
    for (int64_t c = 0; c < max; c++) {
        low_half(s);
        load(s->port[done], pi.bytes, pi.words32, v, pi.width);
        if (v[0] != 0) return c;
        high_half(s);
    }
    return -1;
}

// The same loop as api_run, timed in C++ (the benchmark's native reference); returns nanoseconds.
int64_t api_bench_native(void* h, int64_t n, int32_t nin, const int32_t* ip, const uint64_t* iw,
                         int32_t nout, const int32_t* op, uint64_t* ow) {
    auto t0 = std::chrono::steady_clock::now();
    api_run(h, n, nin, ip, iw, nout, op, ow);
    auto t1 = std::chrono::steady_clock::now();
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
}

int32_t api_mem_read(void* h, int32_t m, int64_t start, int64_t count, uint64_t* w) {
    Sim* s = S(h);
    const RbMemInfo& mi = RB_MEMS[m];
    if (start < 0 || count < 0 || start + count > mi.depth) { s->error = "memory range out of bounds"; return -1; }
    int stride = mi.bytes ? mi.bytes : mi.words32 * 4;
    const char* base = static_cast<const char*>(s->mem[m]);
    for (int64_t i = 0; i < count; i++) load(base + (start + i) * stride, mi.bytes, mi.words32, w + i * words64(mi.width), mi.width);
    return 0;
}
int32_t api_mem_write(void* h, int32_t m, int64_t start, int64_t count, const uint64_t* w) {
    Sim* s = S(h);
    const RbMemInfo& mi = RB_MEMS[m];
    if (start < 0 || count < 0 || start + count > mi.depth) { s->error = "memory range out of bounds"; return -1; }
    int stride = mi.bytes ? mi.bytes : mi.words32 * 4;
    char* base = static_cast<char*>(s->mem[m]);
    uint64_t mask = top_mask(mi.width);
    for (int64_t i = 0; i < count; i++) store(base + (start + i) * stride, mi.bytes, mi.words32, w + i * words64(mi.width), mask, mi.width);
    s->dirty = true;
    return 0;
}

int32_t api_toggles_enable(void* h, int32_t on) {
    Sim* s = S(h);
#ifdef RB_WITH_TOGGLES
    own(s);
    settle(s);
    if (on && !s->toggles_on) rb_snapshot_toggles(s->m->rootp, &s->prev);
    s->toggles_on = on != 0;
    return 0;
#else
    (void)on;
    s->error = "this library was built without toggle counters";
    return -1;
#endif
}
// Reading brings bit toggles up to date with the current state (so a register's last change is
// included); accesses are only counted at clock-low samples, so nothing is counted twice.
void api_toggles_read(void* h, uint64_t* c) {
#ifdef RB_WITH_TOGGLES
    Sim* s = S(h);
    own(s);
    settle(s);
    if (s->toggles_on) rb_count_toggles(s->m->rootp, &s->prev, s->counts, false);
    std::memcpy(c, s->counts, sizeof(uint64_t) * RB_NUM_TOGGLES);
#else
    (void)h; (void)c;
#endif
}
void api_toggles_clear(void* h) {
#ifdef RB_WITH_TOGGLES
    std::memset(S(h)->counts, 0, sizeof(S(h)->counts));
#else
    (void)h;
#endif
}

const RbVtable VTABLE = {
    RB_API_VERSION, api_destroy, api_last_error, api_num_ports, api_port_name, api_port_width, api_port_dir,
    api_num_mems, api_mem_name, api_mem_depth, api_mem_width, api_num_toggles, api_toggle_name, api_toggle_width,
    api_toggle_class,
    api_poke, api_peek, api_step, api_cycle, api_run, api_run_until, api_bench_native, api_mem_read, api_mem_write,
    api_trace_window, api_trace_close, api_trace_scope, api_toggles_enable, api_toggles_read, api_toggles_clear,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) void* rb_create() {
    Sim* s = new Sim;
    s->vt = &VTABLE;
    s->ctx = new VerilatedContext;
#ifdef RB_WITH_TRACE
    s->ctx->traceEverOn(true);
#endif
    own(s);
    s->m = new Vdut{s->ctx, "TOP"};
    rb_port_ptrs(s->m, s->port);
    for (int i = 0; i < RB_NUM_PORTS; i++) s->mask[i] = top_mask(RB_PORTS[i].width);
    rb_mem_ptrs(s->m->rootp, s->mem);
    // Memories start at zero (deterministic, whatever Verilator's --x-initial choice).
    for (int i = 0; i < RB_NUM_MEMS; i++)
        std::memset(s->mem[i], 0, RB_MEMS[i].depth * (RB_MEMS[i].bytes ? RB_MEMS[i].bytes : RB_MEMS[i].words32 * 4));
#ifdef RB_WITH_TOGGLES
    std::memset(s->counts, 0, sizeof(s->counts));
#endif
    s->m->clock = 0;
    s->m->eval();
    s->dirty = false;
    return s;
}

extern "C" __attribute__((visibility("default"))) int32_t rb_api_version() { return RB_API_VERSION; }
