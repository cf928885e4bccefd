package io.claimlens.stance;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.embed.TokenStateEncoder;
import io.claimlens.ml.Calibration;
import io.claimlens.ml.CrossAttentionHead;
import io.claimlens.ml.CrossAttentionNetwork;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.Distribution;
import io.claimlens.model.ModelRef;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stance from the claim's and the evidence's token states through a decomposable-attention head
 * ({@link CrossStanceModel}, design {@code CROSS}, {@code CROSS_LEXICAL} or {@code CROSS_INFERENCE}), which also
 * reads the pair features of {@link StanceFeatures} (all of them, or only the lexical scalars: the head's input size
 * says which).
 *
 * <p>A model with a {@linkplain CrossStanceModel.SentenceInference sentence-pair head} classifies sentence pairs
 * with it ({@link #classify}, {@link #classifyPairs}): that head learned only the sentence question (NLI pairs, and
 * news sentences on other matters as UNRELATED), which it answers better than the stance head, whose training is
 * dominated by FNC-1's headline/body bags (several such heads, trained with different seeds, have their logits
 * averaged). Documents ({@link #classifyDocuments}) are judged by the stance head, pooled over their sentences as
 * trained: FNC-1's "agree" and "discuss" are judgements about a whole article, not about one sentence.
 *
 * <p>The card must name the same encoder weights as the encoder given, the label order and feature layout must
 * match this code; otherwise construction fails with the model's name. Thread-safe. Close releases the head's
 * native memory (not the encoder's).
 */
public final class CrossAttentionStanceClassifier implements StanceClassifier {

    private final TokenStateEncoder encoder;
    private final CrossAttentionNetwork network;
    private final boolean scalarsOnly;
    private final double temperature;
    private final double bagTemperature;
    /** The sentence-pair heads; empty when the model has none. */
    private final List<CrossAttentionNetwork> inference;
    private final double inferenceTemperature;
    private final ModelRef ref;

    public CrossAttentionStanceClassifier(TokenStateEncoder encoder, ModelStore.Loaded loaded) {
        this(encoder, Stored.read(encoder, loaded), new ModelRef("stance", loaded.card().id(),
                loaded.card().files().get("model.json")));
    }

    private CrossAttentionStanceClassifier(TokenStateEncoder encoder, Stored stored, ModelRef ref) {
        this(encoder, stored.model(), stored.sentenceHeads(), ref);
    }

    /** A model's JSON and the weights of its sentence-pair heads, read once. */
    private record Stored(CrossStanceModel model, List<CrossAttentionHead> sentenceHeads) {
        static Stored read(TokenStateEncoder encoder, ModelStore.Loaded loaded) {
            EmbeddingStanceClassifier.requireEncoder(loaded, encoder);
            CrossStanceModel m = ModelStore.fromJson(loaded.file("model.json"), CrossStanceModel.class);
            if (m.inference() == null) {
                return new Stored(m, List.of());
            }
            try {
                return new Stored(m, CrossAttentionHead.decode(loaded.file(m.inference().weightsFile())));
            } catch (IllegalArgumentException e) {
                throw new ModelStore.ModelIntegrityException("stance model " + loaded.card().id() + ", file "
                        + m.inference().weightsFile() + ": " + e.getMessage());
            }
        }
    }

    /**
     * A classifier for a model held in memory (a trainer evaluating what it is about to write); {@code ref} names
     * it. The caller vouches that {@code encoder} is the one the model was trained over.
     *
     * @param sentenceHeads the weights {@code m.inference()} describes; empty when it is null
     */
    public CrossAttentionStanceClassifier(TokenStateEncoder encoder, CrossStanceModel m,
                                          List<CrossAttentionHead> sentenceHeads, ModelRef ref) {
        this.encoder = encoder;
        String id = ref.id();
        EmbeddingStanceClassifier.requireLabels(m.labels(), id);
        if (m.layoutVersion() != StanceFeatures.LAYOUT_VERSION || m.dimension() != encoder.dimension()
                || m.head().dimension() != encoder.dimension()
                || (m.head().features() != StanceFeatures.size(encoder.dimension())
                    && m.head().features() != StanceFeatures.SCALARS)) {
            throw new ModelStore.ModelIntegrityException("stance model " + id + " expects feature layout "
                    + m.layoutVersion() + " over " + m.dimension() + "-d states; this engine computes layout "
                    + StanceFeatures.LAYOUT_VERSION + " over " + encoder.dimension() + "-d");
        }
        CrossStanceModel.SentenceInference nli = m.inference();
        if (nli != null || !sentenceHeads.isEmpty()) {
            requireInference(nli, sentenceHeads, encoder.dimension(), id);
        }
        this.network = CrossAttentionNetwork.of(m.head());
        this.inference = sentenceHeads.stream().map(CrossAttentionNetwork::of).toList();
        this.inferenceTemperature = nli == null ? 1 : nli.temperature();
        this.scalarsOnly = m.head().features() == StanceFeatures.SCALARS;
        this.temperature = m.temperature();
        this.bagTemperature = m.bagTemperature();
        this.ref = ref;
    }

    @Override
    public List<StanceResult> classify(String claim, List<String> evidence) {
        List<String> claims = new ArrayList<>(evidence.size());
        for (int i = 0; i < evidence.size(); i++) {
            claims.add(claim);
        }
        return classifyPairs(claims, evidence);
    }

    /** Pairs {@code (claims[i], evidence[i])}, each text encoded once however often it occurs. */
    public List<StanceResult> classifyPairs(List<String> claims, List<String> evidence) {
        if (claims.size() != evidence.size()) {
            throw new IllegalArgumentException("claims and evidence must be parallel");
        }
        if (claims.isEmpty()) {
            return List.of();
        }
        Texts t = new Texts(encoder, claims, evidence, scalarsOnly);
        double[][] logits = inference.isEmpty() ? pairLogits(t, claims, evidence)
                : t.inferenceLogits(inference, claims, evidence);
        double temp = inference.isEmpty() ? temperature : inferenceTemperature;
        List<StanceResult> out = new ArrayList<>(logits.length);
        for (double[] l : logits) {
            out.add(StanceResult.of(Distribution.of(StanceLabel.class, Calibration.softmax(l, temp))));
        }
        return out;
    }

    private static void requireInference(CrossStanceModel.SentenceInference nli, List<CrossAttentionHead> heads,
                                         int dimension, String id) {
        String[] order = java.util.Arrays.stream(StanceLabel.values()).map(Enum::name).toArray(String[]::new);
        if (nli == null || nli.heads() != heads.size()) {
            throw new ModelStore.ModelIntegrityException("stance model " + id + " describes "
                    + (nli == null ? 0 : nli.heads()) + " sentence-pair heads but " + heads.size() + " were given");
        }
        boolean fits = java.util.Arrays.equals(nli.labels(), order) && !heads.isEmpty();
        for (CrossAttentionHead h : heads) {
            fits &= h.features() == 0 && h.dimension() == dimension && h.classes() == order.length;
        }
        if (!fits) {
            throw new ModelStore.ModelIntegrityException("stance model " + id + ": its sentence-pair heads must read "
                    + dimension + "-d token states only and give " + java.util.Arrays.toString(order) + "; it has "
                    + heads.size() + " giving " + java.util.Arrays.toString(nli.labels()));
        }
    }

    /**
     * The stance of each claim toward a whole document ({@code documents[i]} its sentences): the
     * {@value StanceAggregation#TOP_SENTENCES} sentences most similar to the claim, their logits pooled as
     * {@link StanceAggregation} says. An empty document is UNRELATED.
     *
     * <p>Every distinct text of the call, claims and sentences alike, goes through the encoder once: its vectors
     * choose the sentences and the chosen ones' token states come from the same run. The call therefore holds the
     * token states of all its documents' sentences at once; a caller with many long documents passes them in chunks
     * (as {@code bench stance --dataset fnc-1} does).
     */
    public List<StanceResult> classifyDocuments(List<String> claims, List<List<String>> documents) {
        if (claims.size() != documents.size()) {
            throw new IllegalArgumentException("claims and documents must be parallel");
        }
        if (claims.isEmpty()) {
            return List.of();
        }
        List<String> sentences = new ArrayList<>();
        for (List<String> d : documents) {
            sentences.addAll(d);
        }
        Texts t = new Texts(encoder, claims, sentences, scalarsOnly);
        List<String> pairClaims = new ArrayList<>();
        List<String> pairEvidence = new ArrayList<>();
        List<StanceAggregation.Selection> selections = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            List<String> doc = documents.get(i);
            float[] claim = t.vector(claims.get(i));
            double[] sims = new double[doc.size()];
            for (int k = 0; k < sims.length; k++) {
                sims[k] = SentenceEncoder.cosine(claim, t.vector(doc.get(k)));
            }
            StanceAggregation.Selection sel = StanceAggregation.select(sims, bagTemperature);
            selections.add(sel);
            for (int k : sel.indices()) {
                pairClaims.add(claims.get(i));
                pairEvidence.add(doc.get(k));
            }
        }
        double[][] logits = pairEvidence.isEmpty() ? new double[0][] : pairLogits(t, pairClaims, pairEvidence);
        List<StanceResult> out = new ArrayList<>(claims.size());
        int r = 0;
        for (StanceAggregation.Selection sel : selections) {
            if (sel.indices().length == 0) {
                out.add(StanceResult.of(Distribution.certain(StanceLabel.UNRELATED)));
                continue;
            }
            List<double[]> l = new ArrayList<>();
            for (int k = 0; k < sel.indices().length; k++) {
                l.add(logits[r++]);
            }
            out.add(result(StanceAggregation.pool(l, sel.weights())));
        }
        return out;
    }

    private double[][] pairLogits(Texts t, List<String> claims, List<String> evidence) {
        List<float[][]> a = new ArrayList<>();
        List<float[][]> b = new ArrayList<>();
        List<float[]> f = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            t.pair(claims.get(i), evidence.get(i), a, b, f);
        }
        return network.logits(a, b, f);
    }

    private StanceResult result(double[] logits) {
        return StanceResult.of(Distribution.of(StanceLabel.class, Calibration.softmax(logits, temperature)));
    }

    @Override
    public ModelRef modelRef() {
        return ref;
    }

    @Override
    public void close() {
        network.close();
        inference.forEach(CrossAttentionNetwork::close);
    }

    /** The distinct texts of a call, encoded once, with their lexical features. */
    private static final class Texts {
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final TokenStateEncoder.Encoded encoded;
        private final Map<String, TextFeatures> features = new LinkedHashMap<>();
        private final boolean scalarsOnly;

        Texts(TokenStateEncoder encoder, List<String> claims, List<String> evidence, boolean scalarsOnly) {
            this.scalarsOnly = scalarsOnly;
            for (String s : claims) {
                index.putIfAbsent(s, index.size());
            }
            for (String s : evidence) {
                index.putIfAbsent(s, index.size());
            }
            this.encoded = encoder.encodeWithStates(new ArrayList<>(index.keySet()));
        }

        /** The sentence vector of a text given to the constructor. */
        float[] vector(String text) {
            return encoded.vectors()[index.get(text)];
        }

        void pair(String claim, String evidence, List<float[][]> a, List<float[][]> b, List<float[]> f) {
            int i = index.get(claim);
            int j = index.get(evidence);
            a.add(encoded.states()[i]);
            b.add(encoded.states()[j]);
            float[] all = StanceFeatures.computeFloat(encoded.vectors()[i], encoded.vectors()[j],
                    features.computeIfAbsent(claim, TextFeatures::of),
                    features.computeIfAbsent(evidence, TextFeatures::of));
            f.add(scalarsOnly ? StanceFeatures.scalars(all) : all);
        }

        /** The sentence-pair heads' mean logits for each pair; they read token states only. */
        double[][] inferenceLogits(List<CrossAttentionNetwork> nets, List<String> claims, List<String> evidence) {
            List<float[][]> a = new ArrayList<>(claims.size());
            List<float[][]> b = new ArrayList<>(claims.size());
            List<float[]> none = new ArrayList<>(claims.size());
            for (int i = 0; i < claims.size(); i++) {
                a.add(encoded.states()[index.get(claims.get(i))]);
                b.add(encoded.states()[index.get(evidence.get(i))]);
                none.add(new float[0]);
            }
            return CrossAttentionNetwork.meanLogits(nets, a, b, none);
        }
    }
}
