package io.rtlbench.testbenches.workloads;

import java.util.List;

/**
 * A named list of layers at a given scale. {@code chained}: the layers form one model run end to end
 * (the output of layer i, requantized to INT8, is the input A of layer i+1), as opposed to a set of
 * independent representative layers of a network. Build with {@link WorkloadLibrary#load}.
 */
public record Workload(String name, double scale, List<Layer> layers, boolean chained, String source) {
    public Workload {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException("workload " + name + " has no layers");
        if (chained) checkChain(name, layers);
    }

    /** Total MACs over all layers (repeats included). */
    public long macs() { return layers.stream().mapToLong(Layer::macs).sum(); }

    /** The layer with this name, or an error listing the layer names. */
    public Layer layer(String layerName) {
        return layers.stream().filter(l -> l.name().equals(layerName)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("workload " + name + " has no layer '" + layerName + "'; layers: "
                        + layers.stream().map(Layer::name).toList()));
    }

    /** A chain needs GEMM layers with one batch (M) where each layer's N is the next layer's K. */
    private static void checkChain(String name, List<Layer> layers) {
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (!(l.shape() instanceof Layer.Gemm g) || l.repeat() != 1)
                throw new IllegalArgumentException("chained workload " + name + ": layer " + l.name() + " must be a single GEMM");
            if (i > 0) {
                Layer.Gemm p = (Layer.Gemm) layers.get(i - 1).shape();
                if (p.m() != g.m() || p.n() != g.k())
                    throw new IllegalArgumentException("chained workload " + name + ": layer " + l.name() + " (M=" + g.m() + ", K=" + g.k()
                            + ") does not consume the output of " + layers.get(i - 1).name() + " (M=" + p.m() + ", N=" + p.n() + ")");
            }
        }
    }
}
