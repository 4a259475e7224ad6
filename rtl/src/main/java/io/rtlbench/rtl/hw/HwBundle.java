package io.rtlbench.rtl.hw;

import chisel3.Data;
import chisel3.Record;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A Chisel Bundle written in Java: its elements are the non-static fields of type {@code Data}, in
 * declaration order, named after the fields; a {@link PortGroup} field contributes its ports, in
 * place, under their own names; a field left null is an optional port that this configuration
 * does not have. Subclasses pass their constructor arguments to
 * {@code super(...)} so Chisel can clone the type (it re-invokes the constructor with them).
 */
public abstract class HwBundle extends chisel3.Bundle {
    private final Object[] ctorArgs;

    protected HwBundle(Object... ctorArgs) { this.ctorArgs = ctorArgs.clone(); }

    @Override public boolean _usingPlugin() { return true; }

    @Override public scala.collection.Iterable<Tuple2<String, Object>> _elementsImpl() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = getClass(); c != HwBundle.class; c = c.getSuperclass()) chain.add(0, c);
        List<Tuple2<String, Object>> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                boolean group = PortGroup.class.isAssignableFrom(f.getType());
                if (!group && !Data.class.isAssignableFrom(f.getType())) continue;
                try {
                    f.setAccessible(true);
                    Object v = f.get(this);
                    if (v == null) continue;  // an optional port this configuration does not have
                    if (group) ((PortGroup<?>) v).elements().forEach((name, port) -> out.add(new Tuple2<>(name, port)));
                    else out.add(new Tuple2<>(f.getName(), v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read bundle field " + c.getName() + "." + f.getName(), e);
                }
            }
        }
        // Chisel emits the ports in reverse element order; this order makes them declaration order.
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Tuple2<String, Object> e : out)
            if (!names.add(e._1())) throw new IllegalStateException(getClass().getName() + " has two elements named " + e._1());
        return CollectionConverters.asScala(out);
    }

    @Override public Record _cloneTypeImpl() {
        for (Constructor<?> k : getClass().getDeclaredConstructors()) {
            if (!accepts(k.getParameterTypes())) continue;
            try {
                k.setAccessible(true);
                return (Record) k.newInstance(ctorArgs);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot clone bundle " + getClass().getName(), e);
            }
        }
        throw new IllegalStateException(getClass().getName() + " has no constructor taking the arguments"
                + " it passed to super(...): pass every constructor argument to HwBundle's constructor");
    }

    private boolean accepts(Class<?>[] types) {
        if (types.length != ctorArgs.length) return false;
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i].isPrimitive() ? box(types[i]) : types[i];
            if (ctorArgs[i] != null && !t.isInstance(ctorArgs[i])) return false;
        }
        return true;
    }

    private static Class<?> box(Class<?> p) {
        if (p == int.class) return Integer.class;
        if (p == long.class) return Long.class;
        if (p == boolean.class) return Boolean.class;
        if (p == double.class) return Double.class;
        return Object.class;
    }
}
