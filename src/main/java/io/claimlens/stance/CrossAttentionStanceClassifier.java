package io.claimlens.stance;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.embed.TokenStateEncoder;
import io.claimlens.ml.Calibration;
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
 * ({@link CrossStanceModel}, design {@code CROSS} or {@code CROSS_LEXICAL}), which also reads the pair features of
 * {@link StanceFeatures} (all of them, or only the lexical scalars: the head's input size says which).
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
    private final ModelRef ref;

    public CrossAttentionStanceClassifier(TokenStateEncoder encoder, ModelStore.Loaded loaded) {
        this.encoder = encoder;
        String id = loaded.card().id();
        EmbeddingStanceClassifier.requireEncoder(loaded, encoder);
        CrossStanceModel m = ModelStore.fromJson(loaded.file("model.json"), CrossStanceModel.class);
        EmbeddingStanceClassifier.requireLabels(m.labels(), id);
        if (m.layoutVersion() != StanceFeatures.LAYOUT_VERSION || m.dimension() != encoder.dimension()
                || m.head().dimension() != encoder.dimension()
                || (m.head().features() != StanceFeatures.size(encoder.dimension())
                    && m.head().features() != StanceFeatures.SCALARS)) {
            throw new ModelStore.ModelIntegrityException("stance model " + id + " expects feature layout "
                    + m.layoutVersion() + " over " + m.dimension() + "-d states; this engine computes layout "
                    + StanceFeatures.LAYOUT_VERSION + " over " + encoder.dimension() + "-d");
        }
        this.network = CrossAttentionNetwork.of(m.head());
        this.scalarsOnly = m.head().features() == StanceFeatures.SCALARS;
        this.temperature = m.temperature();
        this.bagTemperature = m.bagTemperature();
        this.ref = new ModelRef("stance", id, loaded.card().files().get("model.json"));
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
        double[][] logits = pairLogits(claims, evidence);
        List<StanceResult> out = new ArrayList<>(logits.length);
        for (double[] l : logits) {
            out.add(result(l));
        }
        return out;
    }

    /**
     * The stance of each claim toward a whole document ({@code documents[i]} its sentences): the
     * {@value StanceAggregation#TOP_SENTENCES} sentences most similar to the claim, their logits pooled as
     * {@link StanceAggregation} says. An empty document is UNRELATED.
     */
    public List<StanceResult> classifyDocuments(List<String> claims, List<List<String>> documents) {
        List<String> all = new ArrayList<>();
        for (List<String> d : documents) {
            all.addAll(d);
        }
        // vectors of every sentence first (to choose), token states only for the chosen ones
        Map<String, float[]> vectors = new LinkedHashMap<>();
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        float[][] v = encoder.encode(distinct);
        for (int i = 0; i < v.length; i++) {
            vectors.put(distinct.get(i), v[i]);
        }
        List<String> pairClaims = new ArrayList<>();
        List<String> pairEvidence = new ArrayList<>();
        List<StanceAggregation.Selection> selections = new ArrayList<>();
        float[][] claimVecs = encoder.encode(claims);
        for (int i = 0; i < claims.size(); i++) {
            List<String> doc = documents.get(i);
            double[] sims = new double[doc.size()];
            for (int k = 0; k < sims.length; k++) {
                sims[k] = SentenceEncoder.cosine(claimVecs[i], vectors.get(doc.get(k)));
            }
            StanceAggregation.Selection sel = StanceAggregation.select(sims, bagTemperature);
            selections.add(sel);
            for (int k : sel.indices()) {
                pairClaims.add(claims.get(i));
                pairEvidence.add(doc.get(k));
            }
        }
        double[][] logits = pairEvidence.isEmpty() ? new double[0][]
                : pairLogits(pairClaims, pairEvidence);
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

    private double[][] pairLogits(List<String> claims, List<String> evidence) {
        Texts t = new Texts(encoder, claims, evidence, scalarsOnly);
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
    }
}
