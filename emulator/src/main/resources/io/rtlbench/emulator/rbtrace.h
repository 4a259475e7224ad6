// rtlbench harness: VCD windows. Trace builds dump every half cycle while the simulator's cycle is
// in [trace_from, trace_to); the file opens at the window's first cycle and closes at its end.
// Included by harness.cpp inside its namespace, after the Sim struct.
#ifndef RBTRACE_H
#define RBTRACE_H

#ifdef RB_WITH_TRACE
inline void trace_at(Sim* s, uint64_t time) {
    if (s->trace_from >= 0 && !s->trace_open && s->cycle >= s->trace_from && s->cycle < s->trace_to) {
        if (!s->vcd) {
            s->vcd = new VerilatedVcdC;
            for (const auto& scope : s->trace_scopes) s->vcd->dumpvars(99, scope);
            s->m->trace(s->vcd, 99);
        }
        s->vcd->open(s->trace_path.c_str());
        s->trace_open = true;
    }
    if (s->trace_open) {
        if (s->cycle >= s->trace_to) { s->vcd->close(); s->trace_open = false; s->trace_from = -1; return; }
        s->vcd->dump(time);
    }
}
#define TRACE_AT(s, t) trace_at(s, t)
#else
#define TRACE_AT(s, t) ((void)0)
#endif

// ---- API: VCD window, close, scopes (-1 with an error when the library has no tracing) ------------
int32_t api_trace_window(void* h, const char* path, int64_t from, int64_t to) {
    Sim* s = S(h);
#ifdef RB_WITH_TRACE
    if (s->trace_open) { s->vcd->close(); s->trace_open = false; }
    s->trace_path = path;
    s->trace_from = from;
    s->trace_to = to;
    return 0;
#else
    (void)path; (void)from; (void)to;
    s->error = "this library was built without tracing";
    return -1;
#endif
}

void api_trace_close(void* h) {
#ifdef RB_WITH_TRACE
    Sim* s = S(h);
    if (s->trace_open) { s->vcd->close(); s->trace_open = false; }
    s->trace_from = -1;
#else
    (void)h;
#endif
}

int32_t api_trace_scope(void* h, const char* scope) {
    Sim* s = S(h);
#ifdef RB_WITH_TRACE
    if (s->vcd) { s->error = "VCD scopes must be set before the first window opens"; return -1; }
    s->trace_scopes.push_back(scope);
    return 0;
#else
    (void)scope;
    s->error = "this library was built without tracing";
    return -1;
#endif
}

#endif
