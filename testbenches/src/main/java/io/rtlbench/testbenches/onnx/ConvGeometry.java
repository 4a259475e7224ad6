package io.rtlbench.testbenches.onnx;

/**
 * The window geometry of a 2-D Conv or pooling node on an NCHW input (1-D: H = 1): kernel,
 * strides, dilations, pads (begin/end, auto_pad resolved), groups, and the output size
 * (floor, or ceil for pools with ceil_mode). Per the ONNX Conv / MaxPool / AveragePool specs.
 */
public record ConvGeometry(int n, int cin, int h, int w, int kh, int kw, int sh, int sw, int dh, int dw,
                           int padTop, int padLeft, int padBottom, int padRight, int group, int oh, int ow) {

    /** For a Conv (kernel from the weight shape [Cout, Cin/group, kh, kw]) or a pool (kernel_shape attribute). */
    public static ConvGeometry of(Node node, int[] x, int[] weight) {
        boolean oneD = x.length == 3;
        if (x.length != 4 && !oneD) throw OnnxException.at(node, "only 1-D and 2-D windows are supported; input has shape " + java.util.Arrays.toString(x));
        int[] k = weight != null ? java.util.Arrays.copyOfRange(weight, 2, weight.length) : node.attrInts("kernel_shape");
        if (k == null) throw OnnxException.at(node, "no kernel_shape");
        int[] s = node.attrInts("strides"), d = node.attrInts("dilations"), p = node.attrInts("pads");
        int n = x[0], c = x[1], h = oneD ? 1 : x[2], w = oneD ? x[2] : x[3];
        int kh = oneD ? 1 : k[0], kw = oneD ? k[0] : k[1];
        int sh = s == null || oneD ? 1 : s[0], sw = s == null ? 1 : oneD ? s[0] : s[1];
        int dh = d == null || oneD ? 1 : d[0], dw = d == null ? 1 : oneD ? d[0] : d[1];
        int pt = 0, pl = 0, pb = 0, pr = 0;
        if (p != null) {
            if (oneD) { pl = p[0]; pr = p[1]; } else { pt = p[0]; pl = p[1]; pb = p[2]; pr = p[3]; }
        }
        String auto = node.attrString("auto_pad", "NOTSET");
        boolean ceil = node.attrInt("ceil_mode", 0) != 0;
        if (auto.startsWith("SAME")) {
            int th = Math.max(0, ((h + sh - 1) / sh - 1) * sh + (kh - 1) * dh + 1 - h);
            int tw = Math.max(0, ((w + sw - 1) / sw - 1) * sw + (kw - 1) * dw + 1 - w);
            boolean upper = auto.equals("SAME_UPPER");
            pt = upper ? th / 2 : th - th / 2; pb = th - pt;
            pl = upper ? tw / 2 : tw - tw / 2; pr = tw - pl;
        } else if (!auto.equals("NOTSET") && !auto.equals("VALID")) {
            throw OnnxException.at(node, "auto_pad " + auto + " is not supported");
        }
        int oh = out(h + pt + pb, kh, sh, dh, ceil), ow = out(w + pl + pr, kw, sw, dw, ceil);
        if (oh < 1 || ow < 1) throw OnnxException.at(node, "window larger than the padded input " + java.util.Arrays.toString(x));
        int group = (int) node.attrInt("group", 1);
        if (weight != null && (c % group != 0 || weight[1] * group != c))
            throw OnnxException.at(node, "input has " + c + " channels but the weights expect " + weight[1] + " x group " + group);
        return new ConvGeometry(n, c, h, w, kh, kw, sh, sw, dh, dw, pt, pl, pb, pr, group, oh, ow);
    }

    static int out(int padded, int k, int s, int d, boolean ceil) {
        int span = (k - 1) * d + 1;
        if (padded < span) return 0;
        int o = ceil ? (padded - span + s - 1) / s + 1 : (padded - span) / s + 1;
        return o;
    }

    /** Input row of output row oy and kernel row ky (may be outside 0..h-1: padding). */
    public int iy(int oy, int ky) { return oy * sh + ky * dh - padTop; }

    public int ix(int ox, int kx) { return ox * sw + kx * dw - padLeft; }

    public int pixels() { return oh * ow; }
}
