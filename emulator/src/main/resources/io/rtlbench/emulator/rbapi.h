/* rtlbench emulator C API: one function table per design library, shared by the generated harness
 * (which fills it) and the dispatch library (which Java binds with JNA direct mapping and which
 * forwards each call through the table). Every handle starts with a pointer to its table.
 * Port/memory values travel as little-endian arrays of 64-bit words (ceil(width/64) per value). */
#ifndef RBAPI_H
#define RBAPI_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

#define RB_API_VERSION 3

typedef struct RbVtable {
    int32_t api_version;
    void (*destroy)(void* h);
    const char* (*last_error)(void* h);
    /* metadata: ports (dir 0 = input, 1 = output), memories, toggle-counted signals */
    int32_t (*num_ports)(void* h);
    const char* (*port_name)(void* h, int32_t i);
    int32_t (*port_width)(void* h, int32_t i);
    int32_t (*port_dir)(void* h, int32_t i);
    int32_t (*num_mems)(void* h);
    const char* (*mem_name)(void* h, int32_t i);
    int64_t (*mem_depth)(void* h, int32_t i);
    int32_t (*mem_width)(void* h, int32_t i);
    int32_t (*num_toggles)(void* h);
    const char* (*toggle_name)(void* h, int32_t i);
    int32_t (*toggle_width)(void* h, int32_t i);
    int32_t (*toggle_class)(void* h, int32_t i);  /* bit mask of ActivityClass ordinals */
    /* simulation: one cycle = inputs applied with clock low, outputs sampled, rising edge */
    void (*poke)(void* h, int32_t port, const uint64_t* words);
    void (*peek)(void* h, int32_t port, uint64_t* words);
    void (*step)(void* h, int64_t cycles);
    int64_t (*cycle)(void* h);
    int64_t (*run)(void* h, int64_t cycles, int32_t nin, const int32_t* in_ports, const uint64_t* in_words,
                   int32_t nout, const int32_t* out_ports, uint64_t* out_words);
    int64_t (*run_until)(void* h, int32_t done_port, int64_t max_cycles);
    int64_t (*bench_native)(void* h, int64_t cycles, int32_t nin, const int32_t* in_ports, const uint64_t* in_words,
                            int32_t nout, const int32_t* out_ports, uint64_t* out_words);
    int32_t (*mem_read)(void* h, int32_t mem, int64_t start, int64_t count, uint64_t* words);
    int32_t (*mem_write)(void* h, int32_t mem, int64_t start, int64_t count, const uint64_t* words);
    /* tracing (trace builds only; else -1): dump cycles [from, to) to a VCD file */
    int32_t (*trace_window)(void* h, const char* path, int64_t from, int64_t to);
    void (*trace_close)(void* h);
    /* restrict the VCD to a scope (dotted path from TOP, all levels below); call before the first window */
    int32_t (*trace_scope)(void* h, const char* scope);
    /* toggle counting (toggle builds only; else -1) */
    int32_t (*toggles_enable)(void* h, int32_t on);
    void (*toggles_read)(void* h, uint64_t* counts);
    void (*toggles_clear)(void* h);
} RbVtable;

typedef struct RbHandle { const RbVtable* vt; } RbHandle;

#ifdef __cplusplus
}
#endif
#endif
