package io.claimlens.claims.detect;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.ml.Calibration;
import io.claimlens.ml.JavaMlp;
import io.claimlens.ml.SoftmaxRegression;

import java.util.List;

/**
 * The stored check-worthiness head ({@code model.json} of {@code models/checkworthiness-v3}): one or more
 * members (two-class softmax regressions, or one-hidden-layer MLPs) over a sentence's embedding, optionally
 * followed by the {@link CheckworthinessFeatures} and by its context (the mean embedding of the sentences just
 * before and after it); their margins are averaged and mapped to a probability by Platt scaling.
 *
 * @param head               "softmax-regression" or "mlp"
 * @param inputs             "embedding", "embedding+features", "embedding+features+context" or
 *                           "embedding+features+context+speaker" (then the {@link SpeakerRole} values)
 * @param featureLayout      {@link CheckworthinessFeatures#LAYOUT_VERSION} the head was trained with
 * @param embeddingDimension size of the sentence vectors it reads
 * @param featureNames       names of the hand features (empty for "embedding")
 * @param mean               input standardisation (shared by the members: they saw the same rows)
 * @param scale              input standardisation
 * @param members            the trained members (several for an ensemble of seeds)
 * @param plattA             probability = sigmoid(plattA * margin + plattB), margin = mean over members of
 *                           logit(check-worthy) - logit(not)
 * @param plattB             see plattA
 * @param knownClaims        null, or sentences already found check-worthy, whose similarity adds to the margin
 *                           ({@link KnownClaims}); absent from the JSON when null, so models without it keep their
 *                           bytes
 */
public record CheckworthinessModel(String head, String inputs, int featureLayout, int embeddingDimension,
                                   List<String> featureNames, double[] mean, double[] scale, List<Member> members,
                                   double plattA, double plattB,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) KnownClaims knownClaims) {

    public static final String SOFTMAX = "softmax-regression";
    public static final String MLP = "mlp";
    public static final String EMBEDDING = "embedding";
    public static final String EMBEDDING_FEATURES = "embedding+features";
    public static final String EMBEDDING_FEATURES_CONTEXT = "embedding+features+context";
    public static final String EMBEDDING_FEATURES_CONTEXT_SPEAKER = "embedding+features+context+speaker";
    /** The sentence before and the sentence after as two vectors, not their mean: which side a question is on. */
    public static final String EMBEDDING_FEATURES_SPLIT_CONTEXT = "embedding+features+split-context";

    /**
     * One member's weights.
     *
     * @param w1 softmax regression: weights [2][inputs]; MLP: hidden weights [hidden][inputs]
     * @param b1 softmax regression: biases [2]; MLP: hidden biases
     * @param w2 MLP output weights [2][hidden]; null for softmax regression
     * @param b2 MLP output biases [2]; null for softmax regression
     */
    public record Member(double[][] w1, double[] b1, double[][] w2, double[] b2) {
    }

    /**
     * Sentences that fact-checkers already picked (the check-worthy lines of the training transcripts), as unit
     * embeddings: a sentence's margin gains {@code weight} times its highest cosine similarity to any of them.
     * Why: politicians repeat their talking points and fact-checkers check the same kinds of statement again, which
     * a nearest-neighbour reading catches and a small MLP over one sentence vector does not (cross-validation in
     * benchmarks/RESULTS.md, 2026-12-02 fourth session). The weight is chosen by cross-validation, where each
     * held-out transcript is compared only with the training folds' sentences.
     *
     * @param weight  how much one unit of cosine similarity adds to the margin (positive)
     * @param vectors unit-length embeddings, {@code [count][embeddingDimension]}, in training-data order
     */
    public record KnownClaims(double weight, float[][] vectors) {

        public KnownClaims {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("known-claims weight must be a positive number, not " + weight);
            }
            if (vectors.length == 0) {
                throw new IllegalArgumentException("known claims need at least one vector");
            }
        }

        /** The highest cosine similarity between {@code embedding} (any length > 0) and a known claim. */
        public double maxSimilarity(float[] embedding) {
            double norm = norm(embedding);
            if (norm == 0) {
                return 0;
            }
            double best = -1;
            for (float[] k : vectors) {
                best = Math.max(best, SentenceEncoder.cosine(k, embedding) / norm);
            }
            return best;
        }

        /** Unit-length copies of {@code embeddings} (in order), as known claims of weight {@code weight}. */
        public static KnownClaims of(double weight, List<float[]> embeddings) {
            float[][] v = new float[embeddings.size()][];
            for (int k = 0; k < v.length; k++) {
                float[] e = embeddings.get(k);
                double norm = norm(e);
                v[k] = new float[e.length];
                for (int i = 0; i < e.length; i++) {
                    v[k][i] = (float) (e[i] / norm);
                }
            }
            return new KnownClaims(weight, v);
        }

        private static double norm(float[] v) {
            double sum = 0;
            for (float x : v) {
                sum += (double) x * x;
            }
            return Math.sqrt(sum);
        }
    }

    /** A model without known claims. */
    public CheckworthinessModel(String head, String inputs, int featureLayout, int embeddingDimension,
                                List<String> featureNames, double[] mean, double[] scale, List<Member> members,
                                double plattA, double plattB) {
        this(head, inputs, featureLayout, embeddingDimension, featureNames, mean, scale, members, plattA, plattB,
                null);
    }

    public CheckworthinessModel {
        featureNames = List.copyOf(featureNames);
        members = List.copyOf(members);
        if (!SOFTMAX.equals(head) && !MLP.equals(head)) {
            throw new IllegalArgumentException("unknown check-worthiness head '" + head + "'");
        }
        if (!EMBEDDING.equals(inputs) && !EMBEDDING_FEATURES.equals(inputs)
                && !withContext(inputs)) {
            throw new IllegalArgumentException("unknown check-worthiness inputs '" + inputs + "'");
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a check-worthiness model needs at least one member");
        }
        if (knownClaims != null && knownClaims.vectors()[0].length != embeddingDimension) {
            throw new IllegalArgumentException("known claims are " + knownClaims.vectors()[0].length
                    + "-dimensional but the model reads " + embeddingDimension + "-dimensional embeddings");
        }
    }

    /** True when the inputs include the hand features. */
    public static boolean withFeatures(String inputs) {
        return !EMBEDDING.equals(inputs);
    }

    /** True when the inputs include the neighbours' embeddings (their mean, or both: {@link #splitContext}). */
    public static boolean withContext(String inputs) {
        return EMBEDDING_FEATURES_CONTEXT.equals(inputs) || EMBEDDING_FEATURES_CONTEXT_SPEAKER.equals(inputs)
                || EMBEDDING_FEATURES_SPLIT_CONTEXT.equals(inputs);
    }

    /** How many embedding-sized context vectors the inputs hold: 0, 1 (the mean) or 2 (split). */
    public static int contextVectors(String inputs) {
        return withContext(inputs) ? (splitContext(inputs) ? 2 : 1) : 0;
    }

    /**
     * The embedding size behind an input vector of {@code inputLength} values for these inputs: what remains
     * after the hand features and the speaker's role, shared by the sentence's vector and its context vectors.
     */
    public static int embeddingDimension(String inputs, int inputLength) {
        int rest = inputLength - (withFeatures(inputs) ? CheckworthinessFeatures.NAMES.size() : 0)
                - (withSpeaker(inputs) ? SpeakerRole.NAMES.size() : 0);
        return rest / (1 + contextVectors(inputs));
    }

    /** True when the context is the previous and the next sentence's embeddings side by side. */
    public static boolean splitContext(String inputs) {
        return EMBEDDING_FEATURES_SPLIT_CONTEXT.equals(inputs);
    }

    /** True when the inputs end with the speaker's role in the transcript ({@link SpeakerRole}). */
    public static boolean withSpeaker(String inputs) {
        return EMBEDDING_FEATURES_CONTEXT_SPEAKER.equals(inputs);
    }

    /** True when this model reads context. */
    public boolean usesContext() {
        return withContext(inputs);
    }

    /**
     * The head's input vector for one sentence: its embedding, then (if used) its hand features, then (if used)
     * its context vector, then (if used) its speaker's role.
     *
     * @param context the neighbouring sentences' vector ({@link #context(String, float[], float[])}); null when the
     *                sentence has none (a sentence on its own): zeros
     * @param speaker the speaker's role in its transcript; null is {@link SpeakerRole#UNKNOWN}
     */
    public static double[] input(String inputs, float[] embedding, String text, float[] context,
                                 SpeakerRole speaker) {
        double[] hand = withFeatures(inputs) ? CheckworthinessFeatures.compute(text) : new double[0];
        int ctx = contextVectors(inputs) * embedding.length;
        double[] role = withSpeaker(inputs) ? (speaker == null ? SpeakerRole.UNKNOWN : speaker).values()
                : new double[0];
        double[] x = new double[embedding.length + hand.length + ctx + role.length];
        for (int i = 0; i < embedding.length; i++) {
            x[i] = embedding[i];
        }
        System.arraycopy(hand, 0, x, embedding.length, hand.length);
        if (ctx > 0 && context != null) {
            for (int i = 0; i < ctx; i++) {
                x[embedding.length + hand.length + i] = context[i];
            }
        }
        System.arraycopy(role, 0, x, embedding.length + hand.length + ctx, role.length);
        return x;
    }

    /** The input with no speaker information. */
    public static double[] input(String inputs, float[] embedding, String text, float[] context) {
        return input(inputs, embedding, text, context, null);
    }

    /** The input without context (zeros where a context model expects it). */
    public static double[] input(String inputs, float[] embedding, String text) {
        return input(inputs, embedding, text, null);
    }

    /**
     * The context vector these inputs read: the mean of the neighbours' embeddings ({@link #context(float[],
     * float[])}), or, for {@link #splitContext split context}, the previous then the next sentence's embedding
     * (zeros for a missing one); null when both neighbours are missing.
     */
    public static float[] context(String inputs, float[] previous, float[] next) {
        if (!splitContext(inputs)) {
            return context(previous, next);
        }
        if (previous == null && next == null) {
            return null;
        }
        int d = (previous == null ? next : previous).length;
        float[] c = new float[2 * d];
        if (previous != null) {
            System.arraycopy(previous, 0, c, 0, d);
        }
        if (next != null) {
            System.arraycopy(next, 0, c, d, d);
        }
        return c;
    }

    /**
     * The context of a sentence: the mean of the embeddings of the sentence before and the sentence after it
     * (either may be null at a boundary); null when both are.
     */
    public static float[] context(float[] previous, float[] next) {
        if (previous == null && next == null) {
            return null;
        }
        if (previous == null || next == null) {
            return (previous == null ? next : previous).clone();
        }
        float[] c = new float[previous.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (previous[i] + next[i]) / 2;
        }
        return c;
    }

    /** Softmax regressions trained on the same rows (same standardisation), as one model. */
    public static CheckworthinessModel ofRegressions(String inputs, int dimension, List<SoftmaxRegression> lrs,
                                                     double a, double b) {
        SoftmaxRegression first = lrs.get(0);
        List<Member> m = lrs.stream().map(lr -> new Member(lr.weights(), lr.bias(), null, null)).toList();
        return new CheckworthinessModel(SOFTMAX, inputs, CheckworthinessFeatures.LAYOUT_VERSION, dimension,
                names(inputs), first.mean(), first.scale(), m, a, b);
    }

    /** MLPs trained on the same rows (same standardisation), as one model. */
    public static CheckworthinessModel ofMlps(String inputs, int dimension, List<JavaMlp> mlps, double a, double b) {
        JavaMlp first = mlps.get(0);
        List<Member> m = mlps.stream().map(x -> new Member(x.w1(), x.b1(), x.w2(), x.b2())).toList();
        return new CheckworthinessModel(MLP, inputs, CheckworthinessFeatures.LAYOUT_VERSION, dimension,
                names(inputs), first.mean(), first.scale(), m, a, b);
    }

    /** The same model with another Platt map. */
    public CheckworthinessModel withPlatt(double a, double b) {
        return new CheckworthinessModel(head, inputs, featureLayout, embeddingDimension, featureNames, mean, scale,
                members, a, b, knownClaims);
    }

    /** The same model with known claims (null: none). */
    public CheckworthinessModel withKnownClaims(KnownClaims k) {
        return new CheckworthinessModel(head, inputs, featureLayout, embeddingDimension, featureNames, mean, scale,
                members, plattA, plattB, k);
    }

    private static List<String> names(String inputs) {
        return withFeatures(inputs) ? CheckworthinessFeatures.NAMES : List.of();
    }

    /**
     * The margin before the Platt map: the mean over the members of logit(check-worthy) - logit(not), plus, with
     * {@link KnownClaims}, their weight times the sentence's highest similarity to one of them (read from the
     * sentence's embedding, the first {@code embeddingDimension} inputs).
     */
    public double margin(double[] x) {
        double m = membersMargin(x);
        if (knownClaims == null) {
            return m;
        }
        float[] e = new float[embeddingDimension];
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) x[i];
        }
        return m + knownClaims.weight() * knownClaims.maxSimilarity(e);
    }

    /** Mean over the members of logit(check-worthy) - logit(not): the margin without known claims. */
    public double membersMargin(double[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " inputs, got " + x.length);
        }
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        double sum = 0;
        for (Member m : members) {
            sum += margin(m, z);
        }
        return sum / members.size();
    }

    private double margin(Member m, double[] z) {
        if (SOFTMAX.equals(head)) {
            return (m.b1()[1] + dot(m.w1()[1], z)) - (m.b1()[0] + dot(m.w1()[0], z));
        }
        double[] h = new double[m.b1().length];
        for (int u = 0; u < h.length; u++) {
            double s = m.b1()[u] + dot(m.w1()[u], z);
            h[u] = s > 0 ? s : 0;
        }
        return (m.b2()[1] + dot(m.w2()[1], h)) - (m.b2()[0] + dot(m.w2()[0], h));
    }

    /** Probability that the sentence is check-worthy. */
    public double probability(double[] x) {
        return Calibration.sigmoid(plattA * margin(x) + plattB);
    }

    /** Refuses a model whose layout this code cannot compute. */
    public void checkCompatible(int encoderDimension) {
        if (withFeatures(inputs) && (featureLayout != CheckworthinessFeatures.LAYOUT_VERSION
                || !featureNames.equals(CheckworthinessFeatures.NAMES))) {
            throw new IllegalStateException("check-worthiness model uses hand-feature layout v" + featureLayout
                    + " but this build computes v" + CheckworthinessFeatures.LAYOUT_VERSION + "; retrain it with "
                    + "'claimlens train checkworthiness'");
        }
        if (embeddingDimension != encoderDimension) {
            throw new IllegalStateException("check-worthiness model reads " + embeddingDimension
                    + "-dimensional embeddings but the encoder gives " + encoderDimension);
        }
        int expected = embeddingDimension * (1 + contextVectors(inputs)) + featureNames.size()
                + (withSpeaker(inputs) ? SpeakerRole.NAMES.size() : 0);
        if (mean.length != expected) {
            throw new IllegalStateException("check-worthiness model expects " + mean.length + " inputs, not "
                    + expected);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
