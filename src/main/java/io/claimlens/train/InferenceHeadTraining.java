package io.claimlens.train;

import io.claimlens.datasets.DataFiles;
import io.claimlens.datasets.Fnc;
import io.claimlens.datasets.LabeledPair;
import io.claimlens.datasets.NliData;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.ml.Calibration;
import io.claimlens.ml.CrossAttentionHead;
import io.claimlens.ml.CrossAttentionNetwork;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.ModelRef;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.nlp.SentenceSplitter;
import io.claimlens.stance.CrossAttentionStanceClassifier;
import io.claimlens.stance.CrossStanceModel;
import io.claimlens.stance.StanceDesign;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The {@link StanceDesign#CROSS_INFERENCE} recipe: a base cross-attention stance model (its stance head
 * copied unchanged, and still used for whole documents) plus a sentence-pair head for sentence pairs: decomposable
 * attention over token states alone, four-way, trained on sentence pairs only.
 *
 * <p>Data (read in place): SNLI dev less a held-out tenth (whole caption groups, chosen by seeded hash), SICK train,
 * our hand-written hard cases (repeated {@value #HARD_CASE_REPEATS} times), and FNC-1 headlines against the most
 * similar sentence of a body they are unrelated to (one such training pair in {@value #FNC_UNRELATED_STRIDE}, from the
 * training bodies; the same from the FNC-1 dev bodies is held out). Without those, a head trained on SNLI calls any
 * sentence on another matter a contradiction: SNLI's contradictions are mostly "a different scene". {@value #HEADS}
 * heads are trained with successive seeds, each kept at the epoch with the best mean accuracy on the three held-out
 * sets (SNLI tenth, SICK trial, FNC-1 dev unrelated), and their logits averaged; the temperature is fitted on the
 * same held-out pairs. Reported: the heads on the held-out sets, and the classifier as shipped on SNLI and SICK test.
 */
final class InferenceHeadTraining {

    /** Repeats of the hard cases: ~80 pairs among ~13,000 would teach nothing once, and 20 would be an eighth. */
    static final int HARD_CASE_REPEATS = 5;
    static final float DROPOUT = 0.2f;
    /**
     * Inference heads trained (seeds {@code seed … seed + HEADS − 1}), their logits averaged: one head's held-out
     * accuracy swings by about a point from epoch to epoch and seed to seed, and the average of a few swings less.
     */
    static final int HEADS = 5;
    static final int CLASSES = StanceLabel.values().length;
    /** The model file that holds the sentence-pair heads' weights ({@link CrossAttentionHead#encode}). */
    static final String WEIGHTS_FILE = "sentence-heads.bin";
    /**
     * One FNC-1 training pair labelled unrelated in this many is used (~4,500 of 36,545): about a third as many as
     * the NLI pairs, the share of synthetic unrelated pairs the MLP designs train with.
     */
    static final int FNC_UNRELATED_STRIDE = 8;

    private final StanceTrainer.Options o;
    private final PrintStream log;
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    InferenceHeadTraining(StanceTrainer.Options o, PrintStream log) {
        this.o = o;
        this.log = log;
    }

    /** Whether a SNLI caption group is in the held-out tenth. */
    static boolean heldOut(String group, long seed) {
        return Math.floorMod(new Random(seed * 1_000_003L + group.hashCode()).nextInt(), 10) == 0;
    }

    Map<String, Double> run() throws IOException {
        if (o.base() == null) {
            throw new IllegalArgumentException("design CROSS_INFERENCE adds a head to a cross-attention stance model: "
                    + "give it with --base DIR (e.g. models/stance-v4)");
        }
        ModelStore.Loaded base = ModelStore.load(o.base().toString());
        StanceDesign baseDesign = StanceDesign.of(base.card());
        if (!baseDesign.crossAttention() || baseDesign == StanceDesign.CROSS_INFERENCE) {
            throw new IllegalArgumentException("--base " + o.base() + ": model " + base.card().id() + " is design "
                    + baseDesign + "; CROSS_INFERENCE needs a CROSS or CROSS_LEXICAL model");
        }
        if (!o.encoder().id().equals(base.card().encoder())) {
            throw new IllegalArgumentException("--base " + o.base() + " was trained over encoder "
                    + base.card().encoder() + "; train its sentence-pair head with --encoder " + base.card().encoder());
        }
        CrossStanceModel baseModel = ModelStore.fromJson(base.file("model.json"), CrossStanceModel.class);

        StanceTrainer.DataPaths paths = StanceTrainer.DataPaths.under(o.dataRoot());
        List<LabeledPair> train = new ArrayList<>();
        List<LabeledPair> held = new ArrayList<>();
        List<LabeledPair> snli = NliData.snli(paths.snliDev());
        for (LabeledPair p : snli) {
            (heldOut(p.group(), o.seed()) ? held : train).add(p);
        }
        int snliTrain = train.size();
        List<LabeledPair> sick = NliData.sick(paths.sickTrain());
        train.addAll(sick);
        List<LabeledPair> hardCases = StanceTrainer.readHardCases(paths.hardCases());
        for (int r = 0; r < HARD_CASE_REPEATS; r++) {
            train.addAll(hardCases);
        }
        // FNC-1 headlines against the most similar sentence of an unrelated body: news pairs on different matters,
        // so that the head learns UNRELATED from topic, not from SNLI's "a different scene" (its contradictions)
        Fnc.Split fnc = Fnc.read(paths.fnc(), "train");
        Map<Integer, List<String>> bodies = StanceTrainer.sentences(fnc.bodies(), new SentenceSplitter());
        List<Fnc.Pair> unrelatedTrain = new ArrayList<>();
        List<Fnc.Pair> unrelatedDev = new ArrayList<>();
        for (Fnc.Pair p : fnc.pairs()) {
            if (p.label() == StanceLabel.UNRELATED && keepUnrelated(p, o.seed())) {
                (StanceTrainer.isDevBody(p.bodyId(), o.seed()) ? unrelatedDev : unrelatedTrain).add(p);
            }
        }
        List<LabeledPair> trial = NliData.sick(paths.sickTrial());
        List<LabeledPair> testSnli = NliData.snli(paths.snliTest());
        List<LabeledPair> testSick = NliData.sick(paths.sickTest());
        EncoderConfig ec = EncoderConfig.builder().setModel(o.encoder()).optAllowBatchVariance(
                !o.encoder().batchInvariant()).build();
        try (DjlSentenceEncoder encoder = DjlSentenceEncoder.create(ec)) {
            if (!encoder.modelRef().sha256().equals(base.card().encoderSha256())) {
                throw new IllegalArgumentException("--base " + o.base() + " was trained over other "
                        + o.encoder().id() + " weights (SHA-256 " + base.card().encoderSha256() + ")");
            }
            List<String> fncTexts = new ArrayList<>();
            for (Fnc.Pair p : unrelatedTrain) {
                fncTexts.add(p.headline());
                fncTexts.addAll(bodies.get(p.bodyId()));
            }
            for (Fnc.Pair p : unrelatedDev) {
                fncTexts.add(p.headline());
                fncTexts.addAll(bodies.get(p.bodyId()));
            }
            EmbeddingTable emb = EmbeddingTable.build(encoder, fncTexts, o.cacheDir(), log);
            train.addAll(closestSentence(unrelatedTrain, bodies, emb));
            List<LabeledPair> unrelatedHeld = closestSentence(unrelatedDev, bodies, emb);
            log.printf("sentence-pair heads: %,d training pairs (snli-dev %,d less %,d held out, sick-train %,d, "
                    + "hard %d x%d, FNC-1 unrelated %,d); held out %,d + sick-trial %,d + FNC-1 dev unrelated %,d%n",
                    train.size(), snliTrain, held.size(), sick.size(), hardCases.size(), HARD_CASE_REPEATS,
                    unrelatedTrain.size(), held.size(), trial.size(), unrelatedHeld.size());
            List<DjlCrossAttentionTrainer.Bag> trainBags = bags(train);
            List<DjlCrossAttentionTrainer.Bag> heldBags = bags(held);
            List<DjlCrossAttentionTrainer.Bag> trialBags = bags(trial);
            List<DjlCrossAttentionTrainer.Bag> unrelatedBags = bags(unrelatedHeld);
            List<DjlCrossAttentionTrainer.Bag> snliBags = bags(testSnli);
            List<DjlCrossAttentionTrainer.Bag> sickBags = bags(testSick);
            long t0 = System.nanoTime();
            float[][][] tokens = encoder.tokenStates(new ArrayList<>(ids.keySet()));
            log.printf("token states for %,d texts in %.0f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);
            List<CrossAttentionHead> heads = new ArrayList<>();
            List<Integer> epochsKept = new ArrayList<>();
            DjlCrossAttentionTrainer.Options to = null;
            for (int k = 0; k < HEADS; k++) {
                to = new DjlCrossAttentionTrainer.Options(StanceTrainer.CROSS_UNITS, o.epochs(), 64, 1e-3f, 1e-4f,
                        DROPOUT, StanceTrainer.CROSS_MAX_TOKENS, o.seed() + k,
                        DjlCrossAttentionTrainer.Schedule.COSINE);
                log.printf("sentence-pair head %d of %d (seed %d)%n", k + 1, HEADS, to.seed());
                CrossAttentionHead[] best = new CrossAttentionHead[1];
                double[] bestScore = {Double.NEGATIVE_INFINITY};
                int[] bestEpoch = new int[1];
                new DjlCrossAttentionTrainer().train(tokens, trainBags.size(), trainBags::get, CLASSES, to, log,
                        (h, epoch) -> {
                            try (CrossAttentionNetwork net = CrossAttentionNetwork.of(h)) {
                                double heldAccuracy = accuracy(logits(List.of(net), heldBags, tokens), heldBags);
                                double trialAccuracy = accuracy(logits(List.of(net), trialBags, tokens), trialBags);
                                double unrelatedAccuracy = accuracy(logits(List.of(net), unrelatedBags, tokens),
                                        unrelatedBags);
                                double score = (heldAccuracy + trialAccuracy + unrelatedAccuracy) / 3;
                                log.printf("    after epoch %d: SNLI held out %.4f, SICK trial %.4f, FNC-1 dev "
                                        + "unrelated %.4f, mean %.4f%n", epoch, heldAccuracy, trialAccuracy,
                                        unrelatedAccuracy, score);
                                if (score > bestScore[0]) {
                                    bestScore[0] = score;
                                    best[0] = h;
                                    bestEpoch[0] = epoch;
                                }
                            }
                        });
                log.printf("head %d: kept epoch %d (held-out mean %.4f)%n", k + 1, bestEpoch[0], bestScore[0]);
                heads.add(best[0]);
                epochsKept.add(bestEpoch[0]);
            }

            Map<String, Double> m = new LinkedHashMap<>();
            double temperature;
            List<CrossAttentionNetwork> nets = heads.stream().map(CrossAttentionNetwork::of).toList();
            try {
                List<DjlCrossAttentionTrainer.Bag> calibBags = new ArrayList<>(heldBags);
                calibBags.addAll(trialBags);
                calibBags.addAll(unrelatedBags);
                double[][] calib = logits(nets, calibBags, tokens);
                int[] gold = calibBags.stream().mapToInt(DjlCrossAttentionTrainer.Bag::label).toArray();
                temperature = Calibration.fitTemperature(calib, gold);
                // the three held-out sets are the calibration rows, in this order
                int h = heldBags.size();
                int t = h + trialBags.size();
                m.put("inference_snli_held_out_accuracy", accuracy(Arrays.copyOfRange(calib, 0, h), heldBags));
                m.put("inference_sick_trial_accuracy", accuracy(Arrays.copyOfRange(calib, h, t), trialBags));
                m.put("inference_fnc_dev_unrelated_accuracy", accuracy(Arrays.copyOfRange(calib, t, calib.length),
                        unrelatedBags));
                m.put("inference_snli_test_accuracy", accuracy(logits(nets, snliBags, tokens), snliBags));
                m.put("inference_sick_test_accuracy", accuracy(logits(nets, sickBags, tokens), sickBags));
                for (int k = 0; k < nets.size(); k++) {
                    m.put("inference_head" + (k + 1) + "_snli_test_accuracy",
                            accuracy(logits(List.of(nets.get(k)), snliBags, tokens), snliBags));
                }
            } finally {
                nets.forEach(CrossAttentionNetwork::close);
            }
            String[] labels = Arrays.stream(StanceLabel.values()).map(Enum::name).toArray(String[]::new);
            CrossStanceModel model = baseModel.withInference(
                    new CrossStanceModel.SentenceInference(labels, heads.size(), WEIGHTS_FILE, temperature));
            try (CrossAttentionStanceClassifier clf = new CrossAttentionStanceClassifier(encoder, model, heads,
                    new ModelRef("stance", o.id(), "(in training)"))) {
                m.put("snli_test_accuracy", shippedAccuracy(clf, testSnli));
                m.put("sick_test_accuracy", shippedAccuracy(clf, testSick));
                m.put("sick_trial_accuracy", shippedAccuracy(clf, trial));
            }
            m.put("inference_temperature", temperature);

            m.forEach((k, v) -> log.printf("  %-34s %.4f%n", k, v));

            if (o.out() != null) {
                Map<String, Object> config = new LinkedHashMap<>();
                config.put(StanceDesign.CONFIG_KEY, StanceDesign.CROSS_INFERENCE.name());
                config.put("base", base.card().id());
                config.put("base_model_sha256", base.card().files().get("model.json"));
                config.put("base_design", baseDesign.name());
                config.put("sentence_pairs", "the sentence-pair heads (mean logits)");
                config.put("documents", "the base head, pooled over the top sentences");
                config.put("inference_units", to.units());
                config.put("inference_max_tokens", to.maxTokens());
                config.put("inference_features", "token states only");
                config.put("epochs", o.epochs());
                config.put("inference_heads", HEADS + " (seeds " + o.seed() + "…" + (o.seed() + HEADS - 1)
                        + "), logits averaged");
                config.put("epochs_kept", epochsKept.toString());
                config.put("epoch_choice", "per head, best mean accuracy on the SNLI held-out tenth, SICK trial and "
                        + "FNC-1 dev unrelated sentence pairs");
                config.put("fnc_unrelated", "1 in " + FNC_UNRELATED_STRIDE + " unrelated FNC-1 pairs by seeded hash, "
                        + "headline vs the most similar body sentence; train bodies for training, dev bodies held out");
                config.put("batch_size", to.batchSize() + " pairs");
                config.put("optimizer", "AdamW lr " + to.learningRate() + " (cosine decay to 0) weight decay "
                        + to.weightDecay());
                config.put("dropout", to.dropout());
                config.put("trainer", "DJL " + ai.djl.engine.Engine.getEngine("PyTorch").getEngineName() + " "
                        + ai.djl.engine.Engine.getEngine("PyTorch").getVersion() + ", 1 thread");
                config.put("snli_held_out", "10% of SNLI dev caption groups by seeded hash");
                config.put("hard_case_repeats", HARD_CASE_REPEATS);
                config.put("calibration", "temperature on the three held-out sets");
                List<ModelCard.DataRef> data = List.of(
                        DataFiles.ref(o.base().resolve("model.json"), 1, "base"),
                        DataFiles.ref(paths.snliDev(), snliTrain, "train"),
                        DataFiles.ref(paths.snliDev(), held.size(), "dev"),
                        DataFiles.ref(paths.sickTrain(), sick.size(), "train"),
                        DataFiles.ref(paths.hardCases(), hardCases.size(), "train"),
                        DataFiles.ref(paths.fnc().resolve("train_stances.csv.gz"),
                                unrelatedTrain.size() + unrelatedDev.size(), "train + dev (unrelated pairs)"),
                        DataFiles.ref(paths.fnc().resolve("train_bodies.csv.gz"), bodies.size(), "train + dev"),
                        DataFiles.ref(paths.sickTrial(), trial.size(), "calibration"),
                        DataFiles.ref(paths.snliTest(), testSnli.size(), "test"),
                        DataFiles.ref(paths.sickTest(), testSick.size(), "test"));
                ModelCard card = new ModelCard(o.id(), "stance", LocalDate.now().toString(), o.command(), o.seed(),
                        encoder.modelRef().id(), encoder.modelRef().sha256(), config, data, m, Map.of(),
                        "Stance head of " + base.card().id() + " (unchanged; judges whole documents) plus "
                                + HEADS + " sentence-pair heads that judge sentence pairs: decomposable attention over "
                                + "the frozen " + encoder.modelRef().id() + " token states alone, trained on SNLI dev, "
                                + "SICK train, our hard cases and unrelated FNC-1 headline/sentence pairs, logits "
                                + "averaged. CLIMATE-FEVER is not in its training data.");
                ModelCard written = ModelStore.write(o.out(), card, Map.of("model.json", ModelStore.toJson(model),
                        WEIGHTS_FILE, CrossAttentionHead.encode(heads)));
                log.println("wrote " + o.out() + " " + written.files());
            }
            return m;
        }
    }

    private int id(String text) {
        return ids.computeIfAbsent(text, t -> ids.size());
    }

    private List<DjlCrossAttentionTrainer.Bag> bags(List<LabeledPair> pairs) {
        List<DjlCrossAttentionTrainer.Bag> out = new ArrayList<>(pairs.size());
        for (LabeledPair p : pairs) {
            out.add(new DjlCrossAttentionTrainer.Bag(new DjlCrossAttentionTrainer.Instance[] {
                new DjlCrossAttentionTrainer.Instance(id(p.claim()), id(p.evidence()), new float[0])},
                    new float[] {1f}, p.label().ordinal(), 1f));
        }
        return out;
    }

    /** The heads' mean logits for each bag (a sentence pair). */
    private static double[][] logits(List<CrossAttentionNetwork> nets, List<DjlCrossAttentionTrainer.Bag> bags,
                                     float[][][] tokens) {
        List<float[][]> a = new ArrayList<>(bags.size());
        List<float[][]> b = new ArrayList<>(bags.size());
        List<float[]> none = new ArrayList<>(bags.size());
        for (DjlCrossAttentionTrainer.Bag bag : bags) {
            a.add(tokens[bag.instances()[0].claim()]);
            b.add(tokens[bag.instances()[0].evidence()]);
            none.add(new float[0]);
        }
        return CrossAttentionNetwork.meanLogits(nets, a, b, none);
    }

    /**
     * Accuracy; on NLI pairs (no gold UNRELATED) UNRELATED's probability counts as NEUTRAL's, as {@code bench stance}
     * counts it.
     */
    private static double accuracy(double[][] logits, List<DjlCrossAttentionTrainer.Bag> gold) {
        int ok = 0;
        int u = StanceLabel.UNRELATED.ordinal();
        for (int i = 0; i < logits.length; i++) {
            int g = gold.get(i).label();
            double[] q = Calibration.softmax(logits[i], 1.0);
            int pred = g == u ? Metrics.argmax(q) : Metrics.argmax(new double[] {q[0], q[1], q[2] + q[3]});
            ok += pred == g ? 1 : 0;
        }
        return (double) ok / logits.length;
    }

    /** Whether an FNC-1 unrelated pair is used (one in {@value #FNC_UNRELATED_STRIDE}, by seeded hash). */
    static boolean keepUnrelated(Fnc.Pair p, long seed) {
        int h = new Random(seed * 7_919L + p.bodyId() * 31L + p.headline().hashCode()).nextInt();
        return Math.floorMod(h, FNC_UNRELATED_STRIDE) == 0;
    }

    /** Each pair as the headline against its body's sentence most similar to it, labelled UNRELATED. */
    private static List<LabeledPair> closestSentence(List<Fnc.Pair> pairs, Map<Integer, List<String>> bodies,
                                                     EmbeddingTable emb) {
        List<LabeledPair> out = new ArrayList<>(pairs.size());
        for (Fnc.Pair p : pairs) {
            List<String> sents = bodies.get(p.bodyId());
            float[] h = emb.get(p.headline());
            int best = 0;
            double bestSim = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < sents.size(); i++) {
                double sim = io.claimlens.embed.SentenceEncoder.cosine(h, emb.get(sents.get(i)));
                if (sim > bestSim) {
                    bestSim = sim;
                    best = i;
                }
            }
            out.add(new LabeledPair(p.headline(), sents.get(best), StanceLabel.UNRELATED, "fnc-" + p.bodyId()));
        }
        return out;
    }

    /**
     * The shipped classifier's 3-way accuracy on sentence pairs: UNRELATED's probability added to NEUTRAL's, as
     * {@code bench stance} does.
     */
    private static double shippedAccuracy(CrossAttentionStanceClassifier clf, List<LabeledPair> gold) {
        List<String> claims = gold.stream().map(LabeledPair::claim).toList();
        List<String> evidence = gold.stream().map(LabeledPair::evidence).toList();
        List<StanceResult> r = clf.classifyPairs(claims, evidence);
        int ok = 0;
        for (int i = 0; i < r.size(); i++) {
            double[] q = r.get(i).probabilities().toArray();
            ok += Metrics.argmax(new double[] {q[0], q[1], q[2] + q[3]}) == gold.get(i).label().ordinal() ? 1 : 0;
        }
        return (double) ok / r.size();
    }
}
