// rtlbench harness: VCD windows. Trace builds dump every half cycle while the simulator's cycle is
// in [trace_from, trace_to); the file opens at the window's first cycle and closes at its end.
// Included by harness.cpp inside its namespace, after the Sim struct.
#ifndef RBTRACE_H
#define RBTRACE_H

#ifdef RB_WITH_TRACE
inline void trace_at(Sim* s, uint64_t time) {
    if (s->trace_from >= 0 && !s->trace_open && s->cycle >= s->trace_from && s->cycle < s->trace_to) {
        if (!s->vcd) { s->vcd = new VerilatedVcdC; s->m->trace(s->vcd, 99); }
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

#endif
