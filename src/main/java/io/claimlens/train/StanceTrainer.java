package io.claimlens.train;

import io.claimlens.datasets.DataFiles;
import io.claimlens.datasets.Fnc;
import io.claimlens.datasets.LabeledPair;
import io.claimlens.datasets.NliData;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.ingest.Paragraphs;
import io.claimlens.ml.Calibration;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.Mlp;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.StanceLabel;
import io.claimlens.nlp.SentenceSplitter;
import io.claimlens.stance.StanceAggregation;
import io.claimlens.stance.StanceDesign;
import io.claimlens.stance.StanceFeatures;
import io.claimlens.stance.StanceModel;
import io.claimlens.stance.TextFeatures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trains the stance head with DJL over frozen sentence embeddings ({@code stance-v2}).
 *
 * <p>Data (read in place): FNC-1 train (headline vs body; 10% of the bodies, chosen by seeded hash of the Body ID,
 * held out as dev), SNLI dev, SICK train, synthetic UNRELATED pairs (a claim with another group's evidence), and our
 * hand-written hard cases ({@code training-data/stance/hard-cases.tsv}, repeated {@value #HARD_CASE_REPEATS} times). CLIMATE-FEVER is left out
 * on purpose: the verdict benchmark cross-validates on all of its claims, so a stance model that saw its evidence
 * labels would leak into it.
 *
 * <p>An FNC pair is a bag of the body's {@value StanceAggregation#TOP_SENTENCES} sentences most similar to the
 * headline, pooled as {@link StanceAggregation} pools them at inference; a sentence pair is a bag of one. The
 * temperature is fitted on the dev data (FNC dev bodies and SICK trial). Reported: FNC-1 dev and competition test
 * (FNC score, macro-F1, confusion), SNLI test and SICK test (3-way, UNRELATED counted as NEUTRAL). The same seed
 * gives the same model bytes.
 */
public final class StanceTrainer {

    /** Hidden units of a design's head: the MLP's one layer, the attention designs' width, none for LINEAR. */
    static int hiddenUnits(StanceDesign design) {
        return switch (design) {
            case LINEAR -> 0;
            case MLP -> 256;
            case CROSS, CROSS_LEXICAL, CROSS_INFERENCE -> CROSS_UNITS;
        };
    }

    /**
     * Training options; {@code out == null} evaluates without writing a model (design comparisons).
     *
     * @param base the model a {@link StanceDesign#CROSS_INFERENCE} run adds its head to; null for the other designs
     */
    public record Options(Path dataRoot, Path out, String id, long seed, EncoderModel encoder, StanceDesign design,
                          int epochs, Path cacheDir, String command, Path base) {

        public Options(Path dataRoot, Path out, String id, long seed, EncoderModel encoder, StanceDesign design,
                       int epochs, Path cacheDir, String command) {
            this(dataRoot, out, id, seed, encoder, design, epochs, cacheDir, command, null);
        }
    }

    /** Where the stance designs' data lies: the datasets under {@code root}, our hard cases in the project. */
    record DataPaths(Path fnc, Path snliDev, Path snliTest, Path sickTrain, Path sickTrial, Path sickTest,
                     Path hardCases) {
        static DataPaths under(Path root) {
            return new DataPaths(root.resolve("fnc-1"), root.resolve("snli/snli_1.0_dev.jsonl.gz"),
                    root.resolve("snli/snli_1.0_test.jsonl.gz"), root.resolve("sick/SICK_train.txt"),
                    root.resolve("sick/SICK_trial.txt"), root.resolve("sick/SICK_test_annotated.txt"),
                    Path.of("training-data/stance/hard-cases.tsv"));
        }
    }

    static final int CROSS_UNITS = 200;
    /** Token states the cross-attention head reads per text (the first ones): most sentences are shorter. */
    static final int CROSS_MAX_TOKENS = 48;
    /**
     * The cross-attention design trains on one in this many FNC-1 training pairs labelled unrelated, each counting
     * this many times in the loss: unrelated is 73% of FNC-1 and the easiest class (the pair features alone separate
     * it), and a token-level epoch over all of them would take four times as long.
     */
    static final int CROSS_UNRELATED_STRIDE = 4;
    static final double BAG_TEMPERATURE = 0.1;
    static final int MAX_BODY_SENTENCES = 80;
    /** FNC-1 has few disagreeing bodies (840 of 49,972 pairs): their loss counts double, for macro-F1. */
    static final float REFUTES_WEIGHT = 2f;
    /** How often the hand-written hard cases are repeated: a few dozen pairs among ~64,000 teach nothing once. */
    static final int HARD_CASE_REPEATS = 20;

    private final Map<String, TextFeatures> textFeatures = new ConcurrentHashMap<>();

    TextFeatures tf(String s) {
        return textFeatures.computeIfAbsent(s, TextFeatures::of);
    }

    public Map<String, Double> train(Options o, PrintStream log) throws IOException {
        if (o.design() == StanceDesign.CROSS_INFERENCE) {
            return new InferenceHeadTraining(o, log).run();
        }
        DataPaths paths = DataPaths.under(o.dataRoot());
        Path fncDir = paths.fnc();
        Path snliDev = paths.snliDev();
        Path snliTest = paths.snliTest();
        Path sickTrain = paths.sickTrain();
        Path sickTrial = paths.sickTrial();
        Path sickTest = paths.sickTest();
        Path hard = paths.hardCases();

        Random rnd = new Random(o.seed());
        List<LabeledPair> snli = NliData.snli(snliDev);
        List<LabeledPair> sick = NliData.sick(sickTrain);
        List<LabeledPair> hardCases = readHardCases(hard);
        List<LabeledPair> pairs = new ArrayList<>();
        pairs.addAll(snli);
        pairs.addAll(sick);
        pairs.addAll(unrelated(snli, snli.size() / 3, rnd));
        pairs.addAll(unrelated(sick, sick.size() / 3, rnd));
        for (int r = 0; r < HARD_CASE_REPEATS; r++) {
            pairs.addAll(hardCases);
        }
        Fnc.Split fncTrainAll = Fnc.read(fncDir, "train");
        Fnc.Split fncTest = Fnc.read(fncDir, "competition_test");
        List<Fnc.Pair> fncTrain = new ArrayList<>();
        List<Fnc.Pair> fncDev = new ArrayList<>();
        for (Fnc.Pair p : fncTrainAll.pairs()) {
            (isDevBody(p.bodyId(), o.seed()) ? fncDev : fncTrain).add(p);
        }
        List<LabeledPair> trial = NliData.sick(sickTrial);
        List<LabeledPair> testSnli = NliData.snli(snliTest);
        List<LabeledPair> testSick = NliData.sick(sickTest);
        log.printf("sentence pairs %,d (snli-dev %,d, sick-train %,d, hard %d x%d, rest unrelated); FNC-1 train %,d / "
                + "dev %,d pairs%n", pairs.size(), snli.size(), sick.size(), hardCases.size(), HARD_CASE_REPEATS, fncTrain.size(),
                fncDev.size());

        SentenceSplitter splitter = new SentenceSplitter();
        Map<Integer, List<String>> trainBodies = sentences(fncTrainAll.bodies(), splitter);
        Map<Integer, List<String>> testBodies = sentences(fncTest.bodies(), splitter);

        EncoderConfig ec = EncoderConfig.builder().setModel(o.encoder()).optAllowBatchVariance(
                !o.encoder().batchInvariant()).build();
        try (DjlSentenceEncoder encoder = DjlSentenceEncoder.create(ec)) {
            List<String> texts = new ArrayList<>();
            for (List<LabeledPair> l : List.of(pairs, trial, testSnli, testSick)) {
                for (LabeledPair p : l) {
                    texts.add(p.claim());
                    texts.add(p.evidence());
                }
            }
            fncTrainAll.pairs().forEach(p -> texts.add(p.headline()));
            fncTest.pairs().forEach(p -> texts.add(p.headline()));
            trainBodies.values().forEach(texts::addAll);
            testBodies.values().forEach(texts::addAll);
            EmbeddingTable emb = EmbeddingTable.build(encoder, texts, o.cacheDir(), log);

            if (o.design().crossAttention()) {
                return new CrossStanceTraining(this, o, log, encoder, emb).run(pairs, fncTrain, fncDev,
                        fncTest.pairs(), trainBodies, testBodies, trial, testSnli, testSick,
                        dataRefs(o, fncDir, fncTrain.size(), trainBodies.size(), snliDev, snli.size(), sickTrain,
                                sick.size(), hard, hardCases.size(), sickTrial, trial.size(), fncTest.pairs().size(),
                                snliTest, testSnli.size(), sickTest, testSick.size()));
            }
            List<DjlMlpTrainer.Bag> sentenceBags = new ArrayList<>();
            for (LabeledPair p : pairs) {
                sentenceBags.add(pairBag(p, emb));
            }
            int nS = sentenceBags.size();
            int n = nS + fncTrain.size();
            DjlMlpTrainer.Options to = new DjlMlpTrainer.Options(hiddenUnits(o.design()), o.epochs(), 128, 1e-3f, 1e-4f,
                    o.design() == StanceDesign.MLP ? 0.1f : 0f, o.seed());
            log.printf("training %s head (%s) on %,d bags, %d features, %d epochs%n", o.design(),
                    o.encoder().id(), n, StanceFeatures.size(encoder.dimension()), o.epochs());
            Mlp head = new DjlMlpTrainer().train(n, i -> i < nS ? sentenceBags.get(i)
                    : fncBag(fncTrain.get(i - nS), trainBodies, emb), StanceLabel.values().length, to, log);

            // temperature on held-out data: FNC dev bodies and SICK trial
            List<double[]> devLogits = new ArrayList<>();
            List<Integer> devGold = new ArrayList<>();
            for (Fnc.Pair p : fncDev) {
                devLogits.add(bagLogits(head, fncBag(p, trainBodies, emb)));
                devGold.add(p.label().ordinal());
            }
            for (LabeledPair p : trial) {
                devLogits.add(bagLogits(head, pairBag(p, emb)));
                devGold.add(p.label().ordinal());
            }
            double temperature = Calibration.fitTemperature(devLogits.toArray(new double[0][]),
                    devGold.stream().mapToInt(Integer::intValue).toArray());

            Map<String, Double> m = new LinkedHashMap<>();
            fncMetrics("fnc_dev_", fncDev, trainBodies, emb, head, m, log);
            fncMetrics("fnc_", fncTest.pairs(), testBodies, emb, head, m, log);
            m.put("snli_test_accuracy", nliAccuracy(head, testSnli, emb));
            m.put("sick_test_accuracy", nliAccuracy(head, testSick, emb));
            m.put("sick_trial_accuracy", nliAccuracy(head, trial, emb));
            m.put("temperature", temperature);
            m.forEach((k, v) -> log.printf("  %-24s %.4f%n", k, v));

            if (o.out() != null) {
                String[] labels = Arrays.stream(StanceLabel.values()).map(Enum::name).toArray(String[]::new);
                StanceModel model = new StanceModel(labels, StanceFeatures.LAYOUT_VERSION, encoder.dimension(), head,
                        temperature, BAG_TEMPERATURE);
                Map<String, Object> config = new LinkedHashMap<>();
                config.put(StanceDesign.CONFIG_KEY, o.design().name());
                config.put("hidden", hiddenUnits(o.design()));
                config.put("features", "stance-features-v" + StanceFeatures.LAYOUT_VERSION);
                config.put("epochs", o.epochs());
                config.put("batch_size", to.batchSize());
                config.put("optimizer", "AdamW lr " + to.learningRate() + " weight decay " + to.weightDecay());
                config.put("dropout", to.dropout());
                config.put("trainer", "DJL " + ai.djl.engine.Engine.getEngine("PyTorch").getEngineName() + " "
                        + ai.djl.engine.Engine.getEngine("PyTorch").getVersion() + ", 1 thread");
                config.put("fnc_bag", "top " + StanceAggregation.TOP_SENTENCES + " body sentences by cosine, "
                        + "weights softmax(cosine / " + BAG_TEMPERATURE + ")");
                config.put("fnc_dev", "10% of train bodies by seeded hash of Body ID");
                config.put("refutes_loss_weight", REFUTES_WEIGHT);
                config.put("hard_case_repeats", HARD_CASE_REPEATS);
                config.put("calibration", "temperature on FNC dev bodies + SICK trial");
                List<ModelCard.DataRef> data = dataRefs(o, fncDir, fncTrain.size(), trainBodies.size(), snliDev,
                        snli.size(), sickTrain, sick.size(), hard, hardCases.size(), sickTrial, trial.size(),
                        fncTest.pairs().size(), snliTest, testSnli.size(), sickTest, testSick.size());
                ModelCard card = new ModelCard(o.id(), "stance", LocalDate.now().toString(), o.command(), o.seed(),
                        encoder.modelRef().id(), encoder.modelRef().sha256(), config, data, m, Map.of(),
                        "Stance head (SUPPORTS, REFUTES, NEUTRAL, UNRELATED) over frozen " + encoder.modelRef().id()
                                + " sentence embeddings [u, v, |u-v|, u*v] plus 12 lexical features (negation, "
                                + "numbers, hedges, overlap), trained with DJL (PyTorch engine) as a multiple-instance "
                                + "model so that it classifies sentences and, pooled, whole articles. CLIMATE-FEVER "
                                + "is not in its training data (the verdict benchmark uses all of it).");
                ModelCard written = ModelStore.write(o.out(), card, Map.of("model.json", ModelStore.toJson(model)));
                log.println("wrote " + o.out() + " (model.json " + written.files().get("model.json") + ")");
            }
            return m;
        }
    }

    private static List<ModelCard.DataRef> dataRefs(Options o, Path fncDir, int fncTrain, int trainBodies, Path snliDev,
                                                    int snli, Path sickTrain, int sick, Path hard, int hardCases,
                                                    Path sickTrial, int trial, int fncTest, Path snliTest,
                                                    int testSnli, Path sickTest, int testSick) throws IOException {
        if (o.out() == null) {
            return List.of();
        }
        return List.of(
                DataFiles.ref(fncDir.resolve("train_stances.csv.gz"), fncTrain, "train"),
                DataFiles.ref(fncDir.resolve("train_bodies.csv.gz"), trainBodies, "train"),
                DataFiles.ref(snliDev, snli, "train"),
                DataFiles.ref(sickTrain, sick, "train"),
                DataFiles.ref(hard, hardCases, "train"),
                DataFiles.ref(sickTrial, trial, "calibration"),
                DataFiles.ref(fncDir.resolve("competition_test_stances.csv.gz"), fncTest, "test"),
                DataFiles.ref(snliTest, testSnli, "test"),
                DataFiles.ref(sickTest, testSick, "test"));
    }

    /** 10% of FNC-1 bodies, chosen by a seeded hash of the Body ID, form the dev set. */
    static boolean isDevBody(int bodyId, long seed) {
        return Math.floorMod(new Random(seed * 31 + bodyId).nextInt(), 10) == 0;
    }

    static Map<Integer, List<String>> sentences(Map<Integer, String> bodies, SentenceSplitter splitter) {
        Map<Integer, List<String>> out = new HashMap<>();
        for (Map.Entry<Integer, String> b : bodies.entrySet()) {
            String text = b.getValue();
            List<String> s = new ArrayList<>();
            for (SentenceSplitter.Located l : splitter.split(text, Paragraphs.split(text))) {
                String t = l.span().coveredText(text);
                if (t.length() > 1000) {
                    t = t.substring(0, 1000);
                }
                s.add(t);
                if (s.size() == MAX_BODY_SENTENCES) {
                    break;
                }
            }
            if (s.isEmpty()) {
                s.add(text.isBlank() ? "(empty)" : text.strip());
            }
            out.put(b.getKey(), s);
        }
        return out;
    }

    private DjlMlpTrainer.Bag pairBag(LabeledPair p, EmbeddingTable emb) {
        float[] f = StanceFeatures.computeFloat(emb.get(p.claim()), emb.get(p.evidence()), tf(p.claim()),
                tf(p.evidence()));
        return new DjlMlpTrainer.Bag(new float[][] {f}, new float[] {1f}, p.label().ordinal(), 1f);
    }

    /** The body sentences an FNC-1 pair's bag holds: the most similar to the headline, as at inference. */
    static StanceAggregation.Selection selectBodySentences(String headline, List<String> sents, EmbeddingTable emb) {
        float[] u = emb.get(headline);
        double[] sims = new double[sents.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = SentenceEncoder.cosine(u, emb.get(sents.get(i)));
        }
        return StanceAggregation.select(sims, BAG_TEMPERATURE);
    }

    private DjlMlpTrainer.Bag fncBag(Fnc.Pair p, Map<Integer, List<String>> bodies, EmbeddingTable emb) {
        List<String> sents = bodies.get(p.bodyId());
        float[] u = emb.get(p.headline());
        StanceAggregation.Selection sel = selectBodySentences(p.headline(), sents, emb);
        float[][] feats = new float[sel.indices().length][];
        for (int i = 0; i < feats.length; i++) {
            String s = sents.get(sel.indices()[i]);
            feats[i] = StanceFeatures.computeFloat(u, emb.get(s), tf(p.headline()), tf(s));
        }
        return new DjlMlpTrainer.Bag(feats, sel.weights(), p.label().ordinal(),
                p.label() == StanceLabel.REFUTES ? REFUTES_WEIGHT : 1f);
    }

    static double[] bagLogits(Mlp head, DjlMlpTrainer.Bag bag) {
        List<double[]> logits = new ArrayList<>();
        for (float[] f : bag.features()) {
            double[] x = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                x[i] = f[i];
            }
            logits.add(head.logits(x));
        }
        return StanceAggregation.pool(logits, bag.weights());
    }

    private void fncMetrics(String prefix, List<Fnc.Pair> pairs, Map<Integer, List<String>> bodies,
                            EmbeddingTable emb, Mlp head, Map<String, Double> m, PrintStream log) {
        List<StanceLabel> gold = new ArrayList<>();
        List<StanceLabel> pred = new ArrayList<>();
        for (Fnc.Pair p : pairs) {
            gold.add(p.label());
            pred.add(StanceLabel.values()[Metrics.argmax(bagLogits(head, fncBag(p, bodies, emb)))]);
        }
        putFncMetrics(prefix, gold, pred, m, log);
    }

    /** FNC score, macro-F1 and accuracy under {@code prefix}; the confusion matrix to the log. */
    static void putFncMetrics(String prefix, List<StanceLabel> gold, List<StanceLabel> pred, Map<String, Double> m,
                              PrintStream log) {
        double[] score = Fnc.score(gold, pred);
        int[] g = gold.stream().mapToInt(Enum::ordinal).toArray();
        int[] q = pred.stream().mapToInt(Enum::ordinal).toArray();
        int[][] cm = Metrics.confusion(g, q, 4);
        m.put(prefix + "score", score[0] / score[1]);
        m.put(prefix + "macro_f1", Metrics.macroF1(cm));
        m.put(prefix + "accuracy", Metrics.accuracy(g, q));
        log.printf("  %sconfusion (rows gold SUPPORTS/REFUTES/NEUTRAL/UNRELATED): %s%n", prefix,
                Arrays.deepToString(cm));
    }

    static List<LabeledPair> unrelated(List<LabeledPair> from, int n, Random rnd) {
        List<LabeledPair> out = new ArrayList<>(n);
        while (out.size() < n) {
            LabeledPair a = from.get(rnd.nextInt(from.size()));
            LabeledPair b = from.get(rnd.nextInt(from.size()));
            if (!a.group().equals(b.group())) {
                out.add(new LabeledPair(a.claim(), b.evidence(), StanceLabel.UNRELATED, a.group() + "|" + b.group()));
            }
        }
        return out;
    }

    static List<LabeledPair> readHardCases(Path file) throws IOException {
        List<LabeledPair> out = new ArrayList<>();
        try (BufferedReader r = DataFiles.open(file)) {
            r.readLine();
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                String[] c = line.split("\t");
                if (c.length == 3) {
                    out.add(new LabeledPair(c[0], c[1], StanceLabel.valueOf(c[2].strip()), "hard-" + n++));
                }
            }
        }
        return out;
    }

    /** 3-way NLI accuracy: UNRELATED folded into NEUTRAL. */
    double nliAccuracy(Mlp head, List<LabeledPair> test, EmbeddingTable emb) {
        int ok = 0;
        for (LabeledPair p : test) {
            double[] l = bagLogits(head, pairBag(p, emb));
            double[] q = Calibration.softmax(l, 1.0);
            int pred = Metrics.argmax(new double[] {q[0], q[1], q[2] + q[3]});
            if (pred == p.label().ordinal()) {
                ok++;
            }
        }
        return (double) ok / test.size();
    }
}
