package io.claimlens.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A decomposable-attention head (Parikh et al. 2016) over frozen token states: each claim token attends over the
 * evidence tokens and each evidence token over the claim tokens, every token is compared with what it attends to
 * ({@code [a, β, a − β, a ⊙ β]} → ReLU layer), the comparisons are pooled (masked mean and max) on each side, and a
 * ReLU layer and a linear layer give the class logits.
 *
 * <p>Inputs, in this order: claim states {@code [B, La, d]}, evidence states {@code [B, Lb, d]}, claim mask
 * {@code [B, La]} and evidence mask {@code [B, Lb]} (1 for a token, 0 for padding), and, optionally, a fifth input
 * of pair features {@code [B, f]} that joins the pooled comparisons before the last two layers. Inputs are
 * standardised by the caller. Parameters, in order: attend, compare, hidden, output, each weight then bias
 * ({@link CrossAttentionHead} holds them for storage).
 */
public final class CrossAttentionBlock extends AbstractBlock {


    private final int classes;
    private final int units;
    private final Linear attend;
    private final Linear compare;
    private final Linear hidden;
    private final Linear output;
    private final float dropout;

    public CrossAttentionBlock(int units, int classes, float dropout) {
        super((byte) 1);
        this.classes = classes;
        this.units = units;
        this.dropout = dropout;
        this.attend = addChildBlock("attend", Linear.builder().setUnits(units).build());
        this.compare = addChildBlock("compare", Linear.builder().setUnits(units).build());
        this.hidden = addChildBlock("hidden", Linear.builder().setUnits(units).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(classes).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray a = in.get(0);
        NDArray b = in.get(1);
        NDArray ma = in.get(2);
        NDArray mb = in.get(3);
        NDArray pa = Activation.relu(attend.forward(ps, new NDList(a), training).head());
        NDArray pb = Activation.relu(attend.forward(ps, new NDList(b), training).head());
        NDArray e = pa.matMul(pb.transpose(0, 2, 1));                      // [B, La, Lb]
        NDArray toB = e.add(penalty(mb).expandDims(1)).softmax(2);
        NDArray toA = e.transpose(0, 2, 1).add(penalty(ma).expandDims(1)).softmax(2);
        NDArray beta = toB.matMul(b);                                      // [B, La, d]: b aligned to each a token
        NDArray alpha = toA.matMul(a);                                     // [B, Lb, d]
        NDArray va = side(ps, a, beta, ma, training);
        NDArray vb = side(ps, b, alpha, mb, training);
        NDList joined = new NDList(va, vb);
        if (in.size() > 4) {
            joined.add(in.get(4));
        }
        NDArray x = NDArrays.concat(joined, 1);
        x = drop(x, training);
        NDArray h = Activation.relu(hidden.forward(ps, new NDList(x), training).head());
        h = drop(h, training);
        return output.forward(ps, new NDList(h), training);
    }

    /** Compares each token with its aligned summary and pools the comparisons: [B, 2 × units]. */
    private NDArray side(ParameterStore ps, NDArray x, NDArray aligned, NDArray mask, boolean training) {
        NDArray c = NDArrays.concat(new NDList(x, aligned, x.sub(aligned), x.mul(aligned)), 2);
        c = drop(c, training);
        NDArray v = Activation.relu(compare.forward(ps, new NDList(c), training).head());   // [B, L, u]
        NDArray m = mask.expandDims(2);
        NDArray mean = v.mul(m).sum(new int[] {1}).div(mask.sum(new int[] {1}, true));
        NDArray max = v.add(penalty(m)).max(new int[] {1});
        return NDArrays.concat(new NDList(mean, max), 1);
    }

    /** 0 where the mask is 1, a large negative number where it is 0 (padding). */
    private static NDArray penalty(NDArray mask) {
        return mask.sub(1f).mul(1e4f);
    }

    private NDArray drop(NDArray x, boolean training) {
        if (!training || dropout <= 0) {
            return x;
        }
        return ai.djl.nn.norm.Dropout.dropout(x, dropout, true).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        long d = inputs[0].get(2);
        long f = inputs.length > 4 ? inputs[4].get(1) : 0;
        attend.initialize(manager, dataType, new Shape(1, d));
        compare.initialize(manager, dataType, new Shape(1, 4 * d));
        hidden.initialize(manager, dataType, new Shape(1, 4 * units + f));
        output.initialize(manager, dataType, new Shape(1, units));
    }

    /** Small NDArray helpers. */
    private static final class NDArrays {
        static NDArray concat(NDList list, int axis) {
            return ai.djl.ndarray.NDArrays.concat(list, axis);
        }
    }
}
