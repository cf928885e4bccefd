package io.claimlens.train;

import io.claimlens.datasets.Fnc;
import io.claimlens.datasets.LabeledPair;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.ml.Calibration;
import io.claimlens.ml.CrossAttentionHead;
import io.claimlens.ml.CrossAttentionNetwork;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.StanceLabel;
import io.claimlens.stance.CrossStanceModel;
import io.claimlens.stance.StanceAggregation;
import io.claimlens.stance.StanceDesign;
import io.claimlens.stance.StanceFeatures;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The {@link StanceDesign#CROSS} recipe: the same data, FNC-1 bags, hold-outs and calibration as the MLP
 * design, with a {@link CrossAttentionHead} over the texts' token states (plus the MLP's pair features) trained by
 * {@link DjlCrossAttentionTrainer}. Only the FNC-1 body sentences a bag selects get token states.
 */
final class CrossStanceTraining {

    private final StanceTrainer owner;
    private final StanceTrainer.Options o;
    private final PrintStream log;
    private final DjlSentenceEncoder encoder;
    private final EmbeddingTable emb;
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    CrossStanceTraining(StanceTrainer owner, StanceTrainer.Options o, PrintStream log, DjlSentenceEncoder encoder,
                        EmbeddingTable emb) {
        this.owner = owner;
        this.o = o;
        this.log = log;
        this.encoder = encoder;
        this.emb = emb;
    }

    private int id(String text) {
        return ids.computeIfAbsent(text, t -> ids.size());
    }

    private DjlCrossAttentionTrainer.Instance instance(String claim, String evidence) {
        float[] f = StanceFeatures.computeFloat(emb.get(claim), emb.get(evidence), owner.tf(claim),
                owner.tf(evidence));
        if (o.design() == StanceDesign.CROSS_LEXICAL) {
            f = StanceFeatures.scalars(f);
        }
        return new DjlCrossAttentionTrainer.Instance(id(claim), id(evidence), f);
    }

    private DjlCrossAttentionTrainer.Bag pairBag(LabeledPair p) {
        return new DjlCrossAttentionTrainer.Bag(new DjlCrossAttentionTrainer.Instance[] {
            instance(p.claim(), p.evidence())}, new float[] {1f}, p.label().ordinal(), 1f);
    }

    private DjlCrossAttentionTrainer.Bag fncBag(Fnc.Pair p, Map<Integer, List<String>> bodies, float lossWeight) {
        List<String> sents = bodies.get(p.bodyId());
        StanceAggregation.Selection sel = StanceTrainer.selectBodySentences(p.headline(), sents, emb);
        DjlCrossAttentionTrainer.Instance[] in = new DjlCrossAttentionTrainer.Instance[sel.indices().length];
        for (int i = 0; i < in.length; i++) {
            in[i] = instance(p.headline(), sents.get(sel.indices()[i]));
        }
        float w = lossWeight * (p.label() == StanceLabel.REFUTES ? StanceTrainer.REFUTES_WEIGHT : 1f);
        return new DjlCrossAttentionTrainer.Bag(in, sel.weights(), p.label().ordinal(), w);
    }

    /** Whether an FNC-1 training pair labelled unrelated is kept (one in {@link StanceTrainer#CROSS_UNRELATED_STRIDE}). */
    static boolean keepUnrelated(Fnc.Pair p, long seed) {
        int h = new Random(seed * 1_000_003L + p.bodyId() * 31L + p.headline().hashCode()).nextInt();
        return Math.floorMod(h, StanceTrainer.CROSS_UNRELATED_STRIDE) == 0;
    }

    Map<String, Double> run(List<LabeledPair> pairs, List<Fnc.Pair> fncTrain, List<Fnc.Pair> fncDev,
                            List<Fnc.Pair> fncTest, Map<Integer, List<String>> trainBodies,
                            Map<Integer, List<String>> testBodies, List<LabeledPair> trial,
                            List<LabeledPair> testSnli, List<LabeledPair> testSick,
                            List<ModelCard.DataRef> data) throws java.io.IOException {
        List<DjlCrossAttentionTrainer.Bag> train = new ArrayList<>();
        for (LabeledPair p : pairs) {
            train.add(pairBag(p));
        }
        int unrelatedKept = 0;
        for (Fnc.Pair p : fncTrain) {
            if (p.label() != StanceLabel.UNRELATED) {
                train.add(fncBag(p, trainBodies, 1f));
            } else if (keepUnrelated(p, o.seed())) {
                train.add(fncBag(p, trainBodies, StanceTrainer.CROSS_UNRELATED_STRIDE));
                unrelatedKept++;
            }
        }
        List<DjlCrossAttentionTrainer.Bag> dev = new ArrayList<>();
        for (Fnc.Pair p : fncDev) {
            dev.add(fncBag(p, trainBodies, 1f));
        }
        List<DjlCrossAttentionTrainer.Bag> test = new ArrayList<>();
        for (Fnc.Pair p : fncTest) {
            test.add(fncBag(p, testBodies, 1f));
        }
        List<DjlCrossAttentionTrainer.Bag> trialBags = trial.stream().map(this::pairBag).toList();
        List<DjlCrossAttentionTrainer.Bag> snliBags = testSnli.stream().map(this::pairBag).toList();
        List<DjlCrossAttentionTrainer.Bag> sickBags = testSick.stream().map(this::pairBag).toList();
        log.printf("cross-attention: %,d training bags (%,d sentence pairs, FNC-1 related %,d + unrelated %,d of "
                + "%,d kept); token states for %,d texts%n", train.size(), pairs.size(),
                train.size() - pairs.size() - unrelatedKept, unrelatedKept,
                fncTrain.stream().filter(p -> p.label() == StanceLabel.UNRELATED).count(), ids.size());
        long t0 = System.nanoTime();
        float[][][] tokens = encoder.tokenStates(new ArrayList<>(ids.keySet()));
        log.printf("token states in %.0f s%n", (System.nanoTime() - t0) / 1e9);

        DjlCrossAttentionTrainer.Options to = new DjlCrossAttentionTrainer.Options(StanceTrainer.CROSS_UNITS,
                o.epochs(), 64, 1e-3f, 1e-4f, 0.2f, StanceTrainer.CROSS_MAX_TOKENS, o.seed());
        // The epoch kept is the one with the best held-out reading: the mean of the FNC-1 dev score and the SICK
        // trial accuracy (the two dev sets that are in no training data).
        CrossAttentionHead[] best = new CrossAttentionHead[1];
        double[] bestScore = {Double.NEGATIVE_INFINITY};
        int[] bestEpoch = new int[1];
        new DjlCrossAttentionTrainer().train(tokens, train.size(), train::get,
                StanceLabel.values().length, to, log, (h, epoch) -> {
                    try (CrossAttentionNetwork net = CrossAttentionNetwork.of(h)) {
                        double fncDevScore = fncScore(fncDev, bagLogits(net, dev, tokens))[0];
                        double trialAccuracy = nliAccuracy(bagLogits(net, trialBags, tokens), trial);
                        double score = (fncDevScore + trialAccuracy) / 2;
                        log.printf("    after epoch %d: FNC dev score %.4f, SICK trial %.4f, mean %.4f%n", epoch,
                                fncDevScore, trialAccuracy, score);
                        if (score > bestScore[0]) {
                            bestScore[0] = score;
                            best[0] = h;
                            bestEpoch[0] = epoch;
                        }
                    }
                });
        CrossAttentionHead head = best[0];
        log.printf("kept epoch %d (held-out mean %.4f)%n", bestEpoch[0], bestScore[0]);

        Map<String, Double> m = new LinkedHashMap<>();
        double temperature;
        try (CrossAttentionNetwork net = CrossAttentionNetwork.of(head)) {
            double[][] devLogits = bagLogits(net, dev, tokens);
            double[][] trialLogits = bagLogits(net, trialBags, tokens);
            double[][] calib = new double[devLogits.length + trialLogits.length][];
            int[] gold = new int[calib.length];
            for (int i = 0; i < devLogits.length; i++) {
                calib[i] = devLogits[i];
                gold[i] = fncDev.get(i).label().ordinal();
            }
            for (int i = 0; i < trialLogits.length; i++) {
                calib[devLogits.length + i] = trialLogits[i];
                gold[devLogits.length + i] = trial.get(i).label().ordinal();
            }
            temperature = Calibration.fitTemperature(calib, gold);
            putFnc("fnc_dev_", fncDev, devLogits, m);
            putFnc("fnc_", fncTest, bagLogits(net, test, tokens), m);
            m.put("snli_test_accuracy", nliAccuracy(bagLogits(net, snliBags, tokens), testSnli));
            m.put("sick_test_accuracy", nliAccuracy(bagLogits(net, sickBags, tokens), testSick));
            m.put("sick_trial_accuracy", nliAccuracy(trialLogits, trial));
        }
        m.put("temperature", temperature);
        m.put("epoch_kept", (double) bestEpoch[0]);
        m.forEach((k, v) -> log.printf("  %-24s %.4f%n", k, v));

        if (o.out() != null) {
            String[] labels = Arrays.stream(StanceLabel.values()).map(Enum::name).toArray(String[]::new);
            CrossStanceModel model = new CrossStanceModel(labels, StanceFeatures.LAYOUT_VERSION,
                    encoder.dimension(), head, temperature, StanceTrainer.BAG_TEMPERATURE);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put(StanceDesign.CONFIG_KEY, o.design().name());
            config.put("units", to.units());
            config.put("max_tokens", to.maxTokens());
            config.put("features", "token states + " + (o.design() == StanceDesign.CROSS_LEXICAL
                    ? "the " + StanceFeatures.SCALARS + " lexical scalars of " : "") + "stance-features-v"
                    + StanceFeatures.LAYOUT_VERSION);
            config.put("epochs", o.epochs());
            config.put("epoch_kept", bestEpoch[0]);
            config.put("epoch_choice", "best mean of FNC-1 dev score and SICK trial accuracy");
            config.put("batch_size", to.batchSize() + " bags");
            config.put("optimizer", "AdamW lr " + to.learningRate() + " weight decay " + to.weightDecay());
            config.put("dropout", to.dropout());
            config.put("trainer", "DJL " + ai.djl.engine.Engine.getEngine("PyTorch").getEngineName() + " "
                    + ai.djl.engine.Engine.getEngine("PyTorch").getVersion() + ", 1 thread");
            config.put("fnc_bag", "top " + StanceAggregation.TOP_SENTENCES + " body sentences by cosine, "
                    + "weights softmax(cosine / " + StanceTrainer.BAG_TEMPERATURE + ")");
            config.put("fnc_dev", "10% of train bodies by seeded hash of Body ID");
            config.put("fnc_unrelated", "1 in " + StanceTrainer.CROSS_UNRELATED_STRIDE + " training pairs by seeded "
                    + "hash, loss weight " + StanceTrainer.CROSS_UNRELATED_STRIDE);
            config.put("refutes_loss_weight", StanceTrainer.REFUTES_WEIGHT);
            config.put("hard_case_repeats", StanceTrainer.HARD_CASE_REPEATS);
            config.put("calibration", "temperature on FNC dev bodies + SICK trial");
            ModelCard card = new ModelCard(o.id(), "stance", LocalDate.now().toString(), o.command(), o.seed(),
                    encoder.modelRef().id(), encoder.modelRef().sha256(), config, data, m, Map.of(),
                    "Stance head (SUPPORTS, REFUTES, NEUTRAL, UNRELATED): decomposable attention over the frozen "
                            + encoder.modelRef().id() + " token states of claim and evidence (each token aligned "
                            + "with the other text, compared, pooled), joined by the "
                            + (o.design() == StanceDesign.CROSS_LEXICAL ? "lexical" : "sentence-vector and "
                            + "lexical") + " pair features, trained with DJL (PyTorch engine) as a multiple-instance model so "
                            + "that it classifies sentences and, pooled, whole articles. CLIMATE-FEVER is not in "
                            + "its training data (the verdict benchmark uses all of it).");
            ModelCard written = ModelStore.write(o.out(), card, Map.of("model.json", ModelStore.toJson(model)));
            log.println("wrote " + o.out() + " (model.json " + written.files().get("model.json") + ")");
        }
        return m;
    }

    /** Each bag's pooled logits. */
    private static double[][] bagLogits(CrossAttentionNetwork net, List<DjlCrossAttentionTrainer.Bag> bags,
                                        float[][][] tokens) {
        List<float[][]> a = new ArrayList<>();
        List<float[][]> b = new ArrayList<>();
        List<float[]> f = new ArrayList<>();
        for (DjlCrossAttentionTrainer.Bag bag : bags) {
            for (DjlCrossAttentionTrainer.Instance in : bag.instances()) {
                a.add(tokens[in.claim()]);
                b.add(tokens[in.evidence()]);
                f.add(in.features());
            }
        }
        double[][] logits = net.logits(a, b, f);
        double[][] out = new double[bags.size()][];
        int r = 0;
        for (int i = 0; i < bags.size(); i++) {
            DjlCrossAttentionTrainer.Bag bag = bags.get(i);
            List<double[]> l = new ArrayList<>();
            for (int j = 0; j < bag.instances().length; j++) {
                l.add(logits[r++]);
            }
            out[i] = StanceAggregation.pool(l, bag.weights());
        }
        return out;
    }

    private static double[] fncScore(List<Fnc.Pair> pairs, double[][] logits) {
        List<StanceLabel> gold = new ArrayList<>();
        List<StanceLabel> pred = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            gold.add(pairs.get(i).label());
            pred.add(StanceLabel.values()[Metrics.argmax(logits[i])]);
        }
        double[] s = Fnc.score(gold, pred);
        return new double[] {s[0] / s[1]};
    }

    private void putFnc(String prefix, List<Fnc.Pair> pairs, double[][] logits, Map<String, Double> m) {
        List<StanceLabel> gold = new ArrayList<>();
        List<StanceLabel> pred = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            gold.add(pairs.get(i).label());
            pred.add(StanceLabel.values()[Metrics.argmax(logits[i])]);
        }
        StanceTrainer.putFncMetrics(prefix, gold, pred, m, log);
    }

    /** 3-way NLI accuracy: UNRELATED folded into NEUTRAL. */
    private static double nliAccuracy(double[][] logits, List<LabeledPair> gold) {
        int ok = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] q = Calibration.softmax(logits[i], 1.0);
            int pred = Metrics.argmax(new double[] {q[0], q[1], q[2] + q[3]});
            ok += pred == gold.get(i).label().ordinal() ? 1 : 0;
        }
        return (double) ok / logits.length;
    }
}
