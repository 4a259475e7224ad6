package io.rtlbench.rtl.hw;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tracks, while a design elaborates, the instance path being built ({@code core.executeUnit.mesh}) and the
 * energy roles attached to instances and memories on the way. Chisel runs a child's constructor
 * inside the parent's, so a stack of instance names is the path. One elaboration per thread at a time.
 */
final class Hierarchy {
    private static final ThreadLocal<Hierarchy> CURRENT = new ThreadLocal<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final Map<String, EnergyRole> roles = new LinkedHashMap<>();

    private Hierarchy() {}

    /** Runs {@code body} with a fresh hierarchy and returns the roles it recorded. */
    static Map<String, EnergyRole> record(Runnable body) {
        Hierarchy h = new Hierarchy();
        CURRENT.set(h);
        try {
            body.run();
        } finally {
            CURRENT.remove();
        }
        return h.roles;
    }

    /** Builds a child called {@code name} (its constructor runs with the path extended by the name). */
    static <T> T enter(String name, Supplier<T> build) {
        Hierarchy h = CURRENT.get();
        if (h == null) return build.get();  // elaborated outside Elaborator (e.g. CHIRRTL only): no roles
        h.path.addLast(name);
        try {
            return build.get();
        } finally {
            h.path.removeLast();
        }
    }

    /** Attaches {@code role} to the instance or memory {@code name} of the module being built. */
    static void tag(String name, EnergyRole role) {
        Hierarchy h = CURRENT.get();
        if (h == null || role == null) return;
        StringBuilder p = new StringBuilder();
        for (String s : h.path) p.append(s).append('.');
        h.roles.put(p + name, role);
    }
}
