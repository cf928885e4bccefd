package io.claimlens.bench;

import io.claimlens.datasets.Averitec;
import io.claimlens.datasets.ClimateFever;
import io.claimlens.datasets.Liar;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.StanceResult;
import io.claimlens.model.VerdictLabel;
import io.claimlens.stance.StanceClassifier;
import io.claimlens.stance.StanceClassifiers;
import io.claimlens.train.BagOfWordsHead;
import io.claimlens.train.EmbeddingTable;
import io.claimlens.train.EmbeddingViewHead;
import io.claimlens.train.EvidenceAttentionHead;
import io.claimlens.train.EvidenceLabelHead;
import io.claimlens.train.VerdictData;
import io.claimlens.train.VerdictFit;
import io.claimlens.verdict.Calibrator;
import io.claimlens.verdict.VerdictModel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict-accuracy benchmark: a verdict recipe fitted and scored on a public dataset, read in place after a
 * SHA-256 check against {@code benchmarks/datasets.sha256}.
 *
 * <ul>
 *   <li>{@code climate-fever}: each claim with its 5 evidence sentences; 5-fold cross-validation by claim (seeded,
 *       by grade); every claim is scored once, by the fold that did not see it.</li>
 *   <li>{@code averitec}: the gold question/answer pairs as evidence; fitted on train, scored on dev.</li>
 *   <li>{@code liar}: the statement and its metadata (speaker, party, subject, state, job, context; never the
 *       credit-history counts, which leak the label); fitted on train, checked on valid (logged; nothing is fitted
 *       or chosen there), scored on test.</li>
 * </ul>
 * Every fit is {@link VerdictFit#crossFit}: five heads, each trained on four fifths of the training claims; the
 * calibrator (temperature or vector scaling, by held-out NLL) and the macro-F1 rule are chosen and fitted on their
 * out-of-fold predictions, so every training claim is held out from the head that scores it, and the test claims
 * from everything.
 * Recipes ({@link #defaultRecipe}: {@code evidence-head} for CLIMATE-FEVER, {@code dataset} for the others):
 * {@code dataset} (the evidence block and the claim's embedding; LIAR, which has no evidence,
 * uses the claim's embedding and its metadata; AVeriTeC uses the evidence block, the shape of its question/answer
 * evidence ({@link VerdictData#answerShape}: how many questions, what share unanswerable, yes, no) and the
 * log-probabilities of a {@link BagOfWordsHead} over the claim and answer words and of an {@link EmbeddingViewHead}
 * over the claim and its answers through the three encoders we ship, both out-of-fold on train),
 * {@code evidence} (the engine's evidence block alone), or {@code
 * evidence-head} (CLIMATE-FEVER only: {@code evidence} plus the features of an {@link EvidenceLabelHead} that learns
 * the dataset's evidence-level labels within each fold's training claims, reading each pair through the three
 * encoders we ship, its probabilities averaged with an {@link EvidenceAttentionHead}'s over BGE-small's token states
 * (one head per pair of folds), and the log-probabilities of a
 * {@link BagOfWordsHead} over the claim and evidence words and of an {@link EmbeddingViewHead}, fitted on the same
 * claims). With
 * {@code --model DIR} an existing engine model is scored as it is (no refit).
 *
 * <p>The grade named is the most probable one, or with {@link Decision#MACRO_F1} the one of a
 * {@link VerdictFit.MacroF1Rule}; both are always reported.
 *
 * <p>Reports accuracy and macro-F1 with bootstrap intervals, per-grade precision/recall/F1, the confusion matrix, ECE
 * (15 bins) calibrated and uncalibrated with a bootstrap interval and the noise floor, Brier score, NLL, and a
 * reliability diagram (PNG); with {@code --out DIR}, {@code DIR/metrics.json}, {@code DIR/reliability.png} and
 * {@code DIR/predictions.jsonl} ({@link #writePredictions}).
 */
public final class VerdictBench {

    /** Options. */
    public record Options(String dataset, Path root, String recipe, Path model, Path stanceModel, long seed,
                          Path cacheDir, Path out, Decision decision) {
    }

    /**
     * How a grade is named from the calibrated probabilities: {@code ARGMAX} (the most probable grade: the best
     * expected accuracy) or {@code MACRO_F1} ({@link VerdictFit.MacroF1Rule}: the log-probability less a power of
     * the training prior, plus a per-grade offset, chosen on held-out predictions for their expected macro-F1 under
     * the calibrated probabilities; the rule chosen for the same rows' observed macro-F1 is reported beside it as
     * {@code *_macro_f1_rule_observed}). The probabilities, and so ECE, Brier and NLL, are the same either way.
     */
    public enum Decision { ARGMAX, MACRO_F1 }

    public Map<String, Double> run(Options o, PrintStream log) throws IOException {
        DatasetManifest manifest = DatasetManifest.load();
        String ds = o.dataset().toLowerCase(Locale.ROOT);
        List<String> files = switch (ds) {
            case "climate-fever" -> List.of("climate-fever/climate-fever.jsonl.gz");
            case "averitec" -> List.of("averitec/train.json.gz", "averitec/dev.json.gz");
            case "liar" -> List.of("liar/train.tsv", "liar/valid.tsv", "liar/test.tsv");
            default -> throw new IllegalArgumentException("unknown verdict dataset '" + o.dataset()
                    + "' (climate-fever, averitec, liar)");
        };
        if (EVIDENCE_HEAD.equals(o.recipe()) && !ds.equals("climate-fever")) {
            throw new IllegalArgumentException("--recipe " + EVIDENCE_HEAD + " learns the dataset's evidence-level "
                    + "labels, which only climate-fever has (not " + o.dataset() + ")");
        }
        for (String f : files) {
            manifest.verify(o.root(), f);
        }
        log.println("dataset files match benchmarks/datasets.sha256: " + files);
        ModelStore.Loaded stanceModel = ModelStore.load(o.stanceModel().toString());
        EncoderModel enc = EncoderModel.byId(stanceModel.card().encoder());
        Predictions p;
        try (DjlSentenceEncoder encoder = DjlSentenceEncoder.create(EncoderConfig.builder().setModel(enc).build());
             StanceClassifier stance = StanceClassifiers.open(encoder, stanceModel)) {
            p = switch (ds) {
                case "climate-fever" -> climateFever(o, stance, encoder, log);
                case "averitec" -> averitec(o, stance, encoder, log);
                default -> liar(o, encoder, log);
            };
        }
        Map<String, Double> m = metrics(p, o.decision(), o.seed());
        m.putAll(p.extraMetrics());
        if (!p.decisions().isEmpty()) {
            log.println("macro-F1 decision rule" + (p.decisions().size() > 1 ? "s by fold" : "") + ": "
                    + String.join("; ", p.decisions()) + (o.decision() == Decision.MACRO_F1 ? " (used)"
                    : " (reported as *_macro_f1_rule; the rule chosen by observed macro-F1 as *_observed)"));
        }
        m.forEach((k, v) -> log.printf(Locale.ROOT, "  %-32s %.4f%n", k, v));
        if (o.out() != null) {
            Files.createDirectories(o.out());
            Files.write(o.out().resolve("metrics.json"), ModelStore.toJson(m));
            CalibrationReport.reliabilityDiagram(p.calibrated(), p.raw(), p.gold(), ds + " (" + p.recipe()
                    + "): reliability", o.out().resolve("reliability.png"));
            writePredictions(p, o.out().resolve("predictions.jsonl"));
            log.println("wrote " + o.out().resolve("metrics.json") + ", " + o.out().resolve("reliability.png")
                    + " and " + o.out().resolve("predictions.jsonl"));
        }
        return m;
    }

    /**
     * Scored items: calibrated and raw probabilities, gold grades, the dataset's own labels, allowed grades; and
     * {@code extraMetrics}, figures a dataset measures beyond these items' (LIAR's six-way model), written as they are.
     */
    record Predictions(String[] ids, double[][] calibrated, double[][] raw, int[] gold, String[] sourceLabels,
                       boolean[] allowed, String recipe, List<String> calibrators, int[] macroF1Decided,
                       int[] observedMacroF1Decided, List<String> decisions, Map<String, Double> extraMetrics) {

        Predictions(List<VerdictData.Row> rows, double[][] calibrated, double[][] raw, boolean[] allowed,
                    String recipe, List<String> calibrators, int[] macroF1Decided, int[] observedMacroF1Decided,
                    List<String> decisions) {
            this(rows.stream().map(VerdictData.Row::group).toArray(String[]::new), calibrated, raw,
                    VerdictBench.gold(rows), VerdictBench.sourceLabels(rows), allowed, recipe, calibrators,
                    macroF1Decided, observedMacroF1Decided, decisions, Map.of());
        }

        Predictions withExtraMetrics(Map<String, Double> extra) {
            return new Predictions(ids, calibrated, raw, gold, sourceLabels, allowed, recipe, calibrators,
                    macroF1Decided, observedMacroF1Decided, decisions, Map.copyOf(extra));
        }
    }

    private Predictions climateFever(Options o, StanceClassifier stance, DjlSentenceEncoder encoder,
                                     PrintStream log) throws IOException {
        List<ClimateFever.Item> items = ClimateFever.read(o.root().resolve("climate-fever/climate-fever.jsonl.gz"));
        List<String> texts = new ArrayList<>();
        items.forEach(i -> {
            texts.add(i.claim());
            i.evidence().forEach(e -> texts.add(e.text()));
        });
        EmbeddingTable emb = EmbeddingTable.build(encoder, texts, o.cacheDir(), log);
        VerdictData.PairStance pairStance = memoised(VerdictData.pairStance(stance, emb));
        List<VerdictData.Row> rows = VerdictData.climateFever(items, pairStance, emb);
        if (o.model() != null) {
            return asIs(o, rows);
        }
        VerdictFit.Blocks blocks = blocks(o.recipe(), true, false);
        boolean[] allowed = VerdictFit.allowed(rows);
        int[] fold = VerdictFit.folds(rows, 5, o.seed());
        List<EmbeddingTable> others = EVIDENCE_HEAD.equals(o.recipe())
                ? otherViews(encoder.config().model(), o, texts, log) : null;
        List<EvidenceLabelHead.Claim> pairs = others != null ? evidencePairs(items, pairStance, emb, others) : null;
        double[][] viewInput = others == null ? null : viewInputs(emb, others, items.stream()
                .map(ClimateFever.Item::claim).toList(), items.stream().map(it -> it.evidence().stream()
                .map(ClimateFever.Evidence::text).toList()).toList());
        EvidenceAttentionHead attention = pairs == null ? null : attentionHead(items, pairs, fold, o, log);
        List<String> claimTexts = pairs == null ? null : items.stream().map(it -> claimAndEvidence(it.claim(),
                it.evidence().stream().map(ClimateFever.Evidence::text).toList())).toList();
        double[][] cal = new double[rows.size()][];
        double[][] raw = new double[rows.size()][];
        List<String> chosen = new ArrayList<>();
        int[] decided = new int[rows.size()];
        int[] observed = new int[rows.size()];
        List<String> decisions = new ArrayList<>();
        List<VerdictData.Row> allRows = rows;
        for (int f = 0; f < 5; f++) {
            if (pairs != null) {
                // Heads trained within the fold's training claims only: each training claim is read by the head
                // that did not see it, the held-out claims by the mean of those heads.
                boolean[] trainable = new boolean[allRows.size()];
                for (int i = 0; i < trainable.length; i++) {
                    trainable[i] = fold[i] != f;
                }
                rows = withExtraEvidence(allRows, EvidenceLabelHead.features(pairs, trainable, o.seed() + f,
                        attention.readings(f)));
                rows = withExtraEvidence(rows, bagOfWords(claimTexts, allRows, trainable, allowed, o.seed() + f,
                        log));
                rows = withExtraEvidence(rows, embeddingViews(viewInput, allRows, trainable, allowed, o.seed() + f,
                        log));
                log.printf("  fold %d: evidence, bag-of-words and embedding-view heads trained on %,d claims%n", f + 1,
                        java.util.stream.IntStream.range(0, trainable.length).filter(i -> trainable[i]).count());
            }
            List<VerdictData.Row> train = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] != f) {
                    train.add(rows.get(i));
                }
            }
            VerdictFit.CrossFitted fit = VerdictFit.crossFit(train, 5, blocks, allowed,
                    options(blocks, o.seed() + f, pairs != null));
            chosen.add(fit.calibrator().describe());
            decisions.add(describeRules(fit));
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == f) {
                    cal[i] = fit.calibrated(rows.get(i));
                    raw[i] = fit.raw(rows.get(i));
                    decided[i] = fit.macroF1Decision().decide(cal[i]);
                    observed[i] = fit.observedMacroF1Decision().decide(cal[i]);
                }
            }
            log.printf("  fold %d: %s; macro-F1 rule %s%n", f + 1, fit.calibrator().describe(), describeRules(fit));
        }
        return new Predictions(rows, cal, raw, allowed, String.join("+", blocks.names())
                + (pairs != null ? "+evidence_head+evidence_attention_head+bag_of_words_head+embedding_view_head"
                + MLP_HEAD_NAME : ""), chosen, decided, observed, decisions);
    }

    private Predictions averitec(Options o, StanceClassifier stance, DjlSentenceEncoder encoder,
                                 PrintStream log) throws IOException {
        List<Averitec.Item> train = Averitec.read(o.root().resolve("averitec/train.json.gz"));
        List<Averitec.Item> dev = Averitec.read(o.root().resolve("averitec/dev.json.gz"));
        List<String> texts = new ArrayList<>();
        for (List<Averitec.Item> l : List.of(train, dev)) {
            l.forEach(i -> {
                texts.add(i.claim());
                texts.addAll(i.evidence());
            });
        }
        EmbeddingTable emb = EmbeddingTable.build(encoder, texts, o.cacheDir(), log);
        VerdictData.PairStance pairStance = VerdictData.pairStance(stance, emb);
        List<VerdictData.Row> devRows = VerdictData.averitec(dev, pairStance, emb, "dev");
        if (o.model() != null) {
            return asIs(o, devRows);
        }
        List<VerdictData.Row> trainRows = VerdictData.averitec(train, pairStance, emb, "train");
        VerdictFit.Blocks blocks = blocks(o.recipe(), true, true);
        boolean[] allowed = VerdictFit.allowed(trainRows);
        if (blocks.metadata()) {
            // the bag-of-words head's log-probabilities join the answer shape: out-of-fold for the training rows,
            // from a head fitted on all of train for dev
            List<String> text = new ArrayList<>();
            List.of(train, dev).forEach(l -> l.forEach(it -> text.add(claimAndEvidence(it.claim(), it.evidence()))));
            List<VerdictData.Row> both = new ArrayList<>(trainRows);
            both.addAll(devRows);
            boolean[] isTrain = new boolean[both.size()];
            java.util.Arrays.fill(isTrain, 0, trainRows.size(), true);
            double[][] words = bagOfWords(text, both, isTrain, allowed, o.seed(), log);
            List<Averitec.Item> all = new ArrayList<>(train);
            all.addAll(dev);
            double[][] x = viewInputs(emb, otherViews(encoder.config().model(), o, texts, log),
                    all.stream().map(Averitec.Item::claim).toList(), all.stream().map(Averitec.Item::evidence)
                    .toList());
            double[][] viewsHead = embeddingViews(x, both, isTrain, allowed, o.seed(), log);
            int n = trainRows.size();
            trainRows = withExtraMetadata(trainRows, java.util.Arrays.copyOfRange(words, 0, n));
            devRows = withExtraMetadata(devRows, java.util.Arrays.copyOfRange(words, n, words.length));
            trainRows = withExtraMetadata(trainRows, java.util.Arrays.copyOfRange(viewsHead, 0, n));
            devRows = withExtraMetadata(devRows, java.util.Arrays.copyOfRange(viewsHead, n, words.length));
        }
        VerdictFit.CrossFitted fit = VerdictFit.crossFit(trainRows, 5, blocks, allowed,
                options(blocks, o.seed(), blocks.metadata()));
        logCalibrator(fit, fit.outOfFoldRows(), log);
        return score(fit, devRows, allowed, String.join("+", blocks.names())
                + (blocks.metadata() ? MLP_HEAD_NAME : ""));
    }

    private Predictions liar(Options o, DjlSentenceEncoder encoder, PrintStream log) throws IOException {
        if (o.model() != null) {
            throw new IllegalArgumentException("LIAR has no evidence: the engine's model cannot be scored on it as is;"
                    + " use a recipe (the default)");
        }
        List<Liar.Item> train = Liar.read(o.root().resolve("liar/train.tsv"));
        List<Liar.Item> valid = Liar.read(o.root().resolve("liar/valid.tsv"));
        List<Liar.Item> test = Liar.read(o.root().resolve("liar/test.tsv"));
        List<String> texts = new ArrayList<>();
        for (List<Liar.Item> l : List.of(train, valid, test)) {
            l.forEach(i -> texts.add(i.statement()));
        }
        EmbeddingTable emb = EmbeddingTable.build(encoder, texts, o.cacheDir(), log);
        VerdictData.LiarVocabulary vocab = VerdictData.LiarVocabulary.build(train);
        List<VerdictData.Row> trainRows = VerdictData.liar(train, vocab, emb);
        List<VerdictData.Row> validRows = VerdictData.liar(valid, vocab, emb);
        List<VerdictData.Row> testRows = VerdictData.liar(test, vocab, emb);
        VerdictFit.Blocks blocks = new VerdictFit.Blocks(false, true, true);
        boolean[] allowed = VerdictFit.allowed(trainRows);
        VerdictFit.CrossFitted fit = VerdictFit.crossFit(trainRows, 5, blocks, allowed, liarOptions(o.seed()));
        logCalibrator(fit, fit.outOfFoldRows(), log);
        // valid is held out from every member, the calibrator and the rule: a check before test
        double[][] vp = validRows.stream().map(fit::calibrated).toArray(double[][]::new);
        int[] vy = gold(validRows);
        int[] va = java.util.Arrays.stream(vp).mapToInt(Metrics::argmax).toArray();
        log.printf(Locale.ROOT, "validation (held out): accuracy %.4f, NLL %.4f, ECE %.4f (noise floor p95 %.4f)%n",
                Metrics.accuracy(vy, va), Metrics.nll(vp, vy), Metrics.ece(vp, vy, CalibrationReport.BINS),
                CalibrationReport.noiseFloor95(vp, 1000, o.seed()));
        return score(fit, testRows, allowed, "claim_embedding+metadata").withExtraMetrics(Map.of(
                "accuracy_6way_model", sixWayAccuracy(trainRows, testRows, blocks, o.seed(), log)));
    }

    /**
     * Wang (2017)'s protocol, for comparison with its anchor: a second model, fitted as the first but on LIAR's six
     * labels (pants-fire its own class), scored six-way on test. On our scale pants-fire and false are both FALSE, so
     * the six-way model carries pants-fire in the one grade LIAR never uses, UNVERIFIABLE; nothing else reads it.
     */
    private static double sixWayAccuracy(List<VerdictData.Row> trainRows, List<VerdictData.Row> testRows,
                                         VerdictFit.Blocks blocks, long seed, PrintStream log) {
        List<VerdictData.Row> train = pantsFireApart(trainRows);
        List<VerdictData.Row> test = pantsFireApart(testRows);
        VerdictFit.CrossFitted six = VerdictFit.crossFit(train, 5, blocks, VerdictFit.allowed(train),
                liarOptions(seed));
        double accuracy = Metrics.accuracy(gold(test), test.stream().map(six::calibrated)
                .mapToInt(Metrics::argmax).toArray());
        log.printf(Locale.ROOT, "six-way model (pants-fire its own class): test accuracy %.4f%n", accuracy);
        return accuracy;
    }

    private static List<VerdictData.Row> pantsFireApart(List<VerdictData.Row> rows) {
        return rows.stream().map(r -> !r.sourceLabel().equals("pants-fire") ? r : new VerdictData.Row(r.evidence(),
                r.claimEmbedding(), r.metadata(), VerdictLabel.UNVERIFIABLE, r.sourceLabel(), r.group())).toList();
    }

    /**
     * LIAR's regression: L2 0.1, 60 epochs, the weights averaged over the last 30 (Polyak). Chosen by validation
     * accuracy over L2 {0.03, 0.1} x epochs {30, 60, 100}, all averaged over their last half (0.3209–0.3403 with two
     * seeds, where the last step's weights gave 0.2983–0.3349 by where Adam stopped); benchmarks/RESULTS.md,
     * 2026-12-02 (sixth session).
     */
    private static VerdictFit.Options liarOptions(long seed) {
        return new VerdictFit.Options(1e-1, 60, false, seed, 30);
    }

    private static void logCalibrator(VerdictFit.Scorer fit, int rows, PrintStream log) {
        log.printf(Locale.ROOT, "calibrator: %s, fitted on %,d held-out rows (two-fold NLL there: temperature %.4f, "
                + "vector scaling %.4f)%n", fit.calibrator().describe(), rows, fit.temperatureNll(), fit.vectorNll());
    }

    private static Predictions score(VerdictFit.Scorer fit, List<VerdictData.Row> rows, boolean[] allowed,
                                     String recipe) {
        double[][] cal = new double[rows.size()][];
        double[][] raw = new double[rows.size()][];
        int[] decided = new int[rows.size()];
        int[] observed = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            cal[i] = fit.calibrated(rows.get(i));
            raw[i] = fit.raw(rows.get(i));
            decided[i] = fit.macroF1Decision().decide(cal[i]);
            observed[i] = fit.observedMacroF1Decision().decide(cal[i]);
        }
        return new Predictions(rows, cal, raw, allowed, recipe,
                List.of(fit.calibrator().describe()), decided, observed, List.of(describeRules(fit)));
    }

    /** The macro-F1 rule a fit uses, and the one its held-out rows' observed grades would have chosen. */
    private static String describeRules(VerdictFit.Scorer fit) {
        return fit.macroF1Decision().describe() + "; by observed macro-F1 it would be "
                + fit.observedMacroF1Decision().describe();
    }

    /** Scores an engine model file as it is, restricted to the grades the dataset has. */
    private Predictions asIs(Options o, List<VerdictData.Row> rows) {
        VerdictModel m = ModelStore.fromJson(ModelStore.load(o.model().toString()).file("model.json"),
                VerdictModel.class);
        boolean[] allowed = VerdictFit.allowed(rows);
        double[][] cal = new double[rows.size()][];
        double[][] raw = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            double[] l = m.regression().logits(rows.get(i).evidence());
            cal[i] = m.calibrator().apply(l, allowed);
            raw[i] = Calibrator.identity(l.length).apply(l, allowed);
        }
        if (o.decision() == Decision.MACRO_F1) {
            throw new IllegalArgumentException("--decision macro-f1 is fitted with a recipe's held-out rows; an engine "
                    + "model (--model) names the most probable grade (use --decision argmax)");
        }
        return new Predictions(rows, cal, raw, allowed, "model " + o.model(),
                List.of(m.calibration()), null, null, List.of());
    }

    /**
     * The {@code evidence} recipe plus {@link EvidenceLabelHead}'s features (CLIMATE-FEVER only). Without the claim's
     * embedding: with it, the regression (384 more inputs, ~1,000 training claims per fold) made less of the head's
     * features — accuracy 0.4678 against 0.5160 with stance-v5 (benchmarks/RESULTS.md, 2026-12-02 fourth session).
     * The {@link BagOfWordsHead}'s four log-probabilities carry the claim's wording instead (fifth session: held-out
     * macro-F1 0.361 against 0.351 without them, mean of the five folds; 0.373 with a first, words-only vectoriser).
     */
    static final String EVIDENCE_HEAD = "evidence-head";

    /**
     * The recipe a dataset gets when none is named: {@value #EVIDENCE_HEAD} for CLIMATE-FEVER (its best accuracy,
     * macro-F1 and ECE, benchmarks/RESULTS.md), {@code dataset} for the others.
     */
    public static String defaultRecipe(String dataset) {
        return dataset.equalsIgnoreCase("climate-fever") ? EVIDENCE_HEAD : "dataset";
    }

    /**
     * The encoders the evidence head reads each pair through beside the stance model's: the others of the three we
     * ship (MiniLM, BGE-small, E5-small; a quantised MiniLM counts as MiniLM). Each view reads CLIMATE-FEVER's
     * evidence labels better than fewer (out-of-fold accuracy / macro-F1 over the 7,675 pairs: 0.6503 / 0.5189 with
     * all three, 0.6436 / 0.5014 MiniLM and BGE-small, 0.6422 / 0.5074 MiniLM and E5-small; benchmarks/RESULTS.md,
     * 2026-12-02 eighth session). Cached like the first.
     */
    static List<EncoderModel> otherViews(EncoderModel first) {
        return List.of(EncoderModel.ALL_MINILM_L6_V2, EncoderModel.BGE_SMALL_EN_V15_Q, EncoderModel.E5_SMALL_V2_Q)
                .stream().filter(m -> m != first && !(m == EncoderModel.ALL_MINILM_L6_V2
                        && first == EncoderModel.ALL_MINILM_L6_V2_Q)).toList();
    }

    private static List<EmbeddingTable> otherViews(EncoderModel first, Options o, List<String> texts,
                                                   PrintStream log) throws IOException {
        List<EmbeddingTable> out = new ArrayList<>();
        for (EncoderModel m : otherViews(first)) {
            try (DjlSentenceEncoder e = DjlSentenceEncoder.create(EncoderConfig.builder().setModel(m).build())) {
                out.add(EmbeddingTable.build(e, texts, o.cacheDir(), log));
            }
        }
        return out;
    }

    /** The encoder whose token states {@link EvidenceAttentionHead} reads (the stance-v5 heads' encoder). */
    static final EncoderModel ATTENTION_ENCODER = EncoderModel.BGE_SMALL_EN_V15_Q;

    /**
     * {@link EvidenceAttentionHead}'s ten heads over CLIMATE-FEVER's evidence labels, one per pair of the benchmark's
     * folds, reading {@link #ATTENTION_ENCODER}'s token states of every claim and evidence sentence.
     */
    private static EvidenceAttentionHead attentionHead(List<ClimateFever.Item> items,
                                                       List<EvidenceLabelHead.Claim> pairs, int[] fold, Options o,
                                                       PrintStream log) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] claimOf = new int[items.size()];
        int[][] evidence = new int[items.size()][];
        int[][] labels = new int[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            ClimateFever.Item it = items.get(i);
            claimOf[i] = ids.computeIfAbsent(it.claim(), t -> ids.size());
            evidence[i] = new int[it.evidence().size()];
            for (int j = 0; j < evidence[i].length; j++) {
                evidence[i][j] = ids.computeIfAbsent(it.evidence().get(j).text(), t -> ids.size());
            }
            // the labels evidencePairs checked, in the same order
            labels[i] = pairs.get(i).labels();
        }
        long t0 = System.nanoTime();
        float[][][] tokens;
        try (DjlSentenceEncoder e = DjlSentenceEncoder.create(EncoderConfig.builder().setModel(ATTENTION_ENCODER)
                .optAllowBatchVariance(!ATTENTION_ENCODER.batchInvariant()).build())) {
            tokens = e.tokenStates(new ArrayList<>(ids.keySet()));
        }
        log.printf(Locale.ROOT, "attention head: %s token states of %,d texts in %.0f s; training %d heads (~3 min "
                + "each on 2 cores)%n", ATTENTION_ENCODER.id(), ids.size(), (System.nanoTime() - t0) / 1e9, 10);
        return EvidenceAttentionHead.fit(fold, 5, o.seed(),
                EvidenceAttentionHead.tokenStateTrainer(tokens, claimOf, evidence, labels), log);
    }

    /** The pairs of every claim with each of its evidence sentences, as {@link EvidenceLabelHead} reads them. */
    private static List<EvidenceLabelHead.Claim> evidencePairs(List<ClimateFever.Item> items,
                                                               VerdictData.PairStance stance, EmbeddingTable emb,
                                                               List<EmbeddingTable> others) {
        List<EmbeddingTable> views = new ArrayList<>();
        views.add(emb);
        views.addAll(others);
        List<EvidenceLabelHead.Claim> out = new ArrayList<>();
        for (ClimateFever.Item it : items) {
            List<String> ev = it.evidence().stream().map(ClimateFever.Evidence::text).toList();
            List<StanceResult> st = ev.isEmpty() ? List.of() : stance.stances(it.claim(), ev);
            double[][] x = new double[ev.size()][];
            int[] y = new int[ev.size()];
            for (int j = 0; j < x.length; j++) {
                String e = ev.get(j);
                x[j] = EvidenceLabelHead.pairInput(views.stream().map(v -> v.get(it.claim())).toList(),
                        views.stream().map(v -> v.get(e)).toList(), st.get(j));
                y[j] = EvidenceLabelHead.LABELS.indexOf(it.evidence().get(j).label());
                if (y[j] < 0) {
                    throw new IllegalArgumentException("CLIMATE-FEVER claim " + it.id() + ": unknown evidence label '"
                            + it.evidence().get(j).label() + "'");
                }
            }
            out.add(new EvidenceLabelHead.Claim(x, y));
        }
        return out;
    }

    /** The rows with {@code extra[i]} appended to row i's evidence block. */
    private static List<VerdictData.Row> withExtraEvidence(List<VerdictData.Row> rows, double[][] extra) {
        List<VerdictData.Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            VerdictData.Row r = rows.get(i);
            out.add(new VerdictData.Row(concat(r.evidence(), extra[i]), r.claimEmbedding(), r.metadata(), r.label(),
                    r.sourceLabel(), r.group()));
        }
        return out;
    }

    /**
     * {@link BagOfWordsHead} log-probabilities over the allowed grades for every row: out-of-fold (5 inner folds,
     * seeded) for the trainable rows, from one head fitted on all trainable rows for the others.
     */
    private static double[][] bagOfWords(List<String> texts, List<VerdictData.Row> rows, boolean[] trainable,
                                         boolean[] allowed, long seed, PrintStream log) {
        int[] grades = java.util.stream.IntStream.range(0, allowed.length).filter(c -> allowed[c]).toArray();
        List<Integer> idx = java.util.stream.IntStream.range(0, rows.size()).filter(i -> trainable[i]).boxed()
                .toList();
        List<VerdictData.Row> trainRows = idx.stream().map(rows::get).toList();
        List<String> trainText = idx.stream().map(texts::get).toList();
        int[] y = trainRows.stream().mapToInt(r -> java.util.Arrays.binarySearch(grades, r.label().ordinal()))
                .toArray();
        double[][] oof = BagOfWordsHead.outOfFold(trainText, y, grades.length, VerdictFit.folds(trainRows, 5, seed),
                5);
        BagOfWordsHead head = BagOfWordsHead.fit(trainText, y, grades.length);
        log.printf("  bag-of-words head: %,d words and word pairs, fitted on %,d rows%n", head.vocabularySize(),
                idx.size());
        double[][] out = new double[rows.size()][];
        for (int k = 0; k < idx.size(); k++) {
            out[idx.get(k)] = oof[k];
        }
        for (int i = 0; i < out.length; i++) {
            if (!trainable[i]) {
                out[i] = head.logProbabilities(texts.get(i));
            }
        }
        return out;
    }

    /** The {@link EmbeddingViewHead} input of each claim, read through {@code first} and then {@code others}. */
    private static double[][] viewInputs(EmbeddingTable first, List<EmbeddingTable> others, List<String> claims,
                                         List<List<String>> evidence) {
        List<EmbeddingTable> views = new ArrayList<>();
        views.add(first);
        views.addAll(others);
        double[][] x = new double[claims.size()][];
        for (int i = 0; i < x.length; i++) {
            String claim = claims.get(i);
            List<String> ev = evidence.get(i);
            x[i] = EmbeddingViewHead.input(views.stream().map(v -> v.get(claim)).toList(),
                    views.stream().map(v -> ev.stream().map(v::get).toList()).toList());
        }
        return x;
    }

    /**
     * {@link EmbeddingViewHead} log-probabilities over the allowed grades for every row: out-of-fold (5 folds, seeded,
     * as the bag-of-words head's) for the trainable rows, the mean of the fold heads for the others.
     */
    private static double[][] embeddingViews(double[][] x, List<VerdictData.Row> rows, boolean[] trainable,
                                             boolean[] allowed, long seed, PrintStream log) {
        int[] grades = java.util.stream.IntStream.range(0, allowed.length).filter(c -> allowed[c]).toArray();
        List<Integer> idx = java.util.stream.IntStream.range(0, rows.size()).filter(i -> trainable[i]).boxed()
                .toList();
        int[] trainFold = VerdictFit.folds(idx.stream().map(rows::get).toList(), 5, seed);
        int[] fold = new int[rows.size()];
        java.util.Arrays.fill(fold, -1);
        for (int k = 0; k < idx.size(); k++) {
            fold[idx.get(k)] = trainFold[k];
        }
        int[] y = rows.stream().mapToInt(r -> Math.max(0, java.util.Arrays.binarySearch(grades, r.label().ordinal())))
                .toArray();
        long t0 = System.nanoTime();
        double[][] out = EmbeddingViewHead.logProbabilities(x, y, fold, 5, grades.length, seed);
        log.printf(Locale.ROOT, "  embedding-view head: %,d inputs, %,d rows out of fold, %.0f s%n", x[0].length,
                idx.size(), (System.nanoTime() - t0) / 1e9);
        return out;
    }

    /** What a bag-of-words head reads of a claim: its text and its evidence texts, a line each. */
    private static String claimAndEvidence(String claim, List<String> evidence) {
        return claim + "\n" + String.join("\n", evidence);
    }

    /** The rows with {@code extra[i]} appended to row i's metadata block. */
    private static List<VerdictData.Row> withExtraMetadata(List<VerdictData.Row> rows, double[][] extra) {
        List<VerdictData.Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            VerdictData.Row r = rows.get(i);
            out.add(new VerdictData.Row(r.evidence(), r.claimEmbedding(), concat(r.metadata(), extra[i]), r.label(),
                    r.sourceLabel(), r.group()));
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@code stance} remembering its answers, so that a claim's evidence is judged once however often it is read. */
    private static VerdictData.PairStance memoised(VerdictData.PairStance stance) {
        Map<List<String>, List<StanceResult>> memo = new java.util.HashMap<>();
        return (claim, evidence) -> {
            List<String> key = new ArrayList<>(evidence.size() + 1);
            key.add(claim);
            key.addAll(evidence);
            return memo.computeIfAbsent(key, k -> stance.stances(claim, evidence));
        };
    }

    private static VerdictFit.Blocks blocks(String recipe, boolean hasEvidence, boolean hasMetadata) {
        return switch (recipe) {
            // AVeriTeC's answer shape and bag-of-words head stand in for the claim's embedding there: with the
            // embedding as well, held-out macro-F1 fell from 0.539 to 0.455 with a words-only head
            // (benchmarks/RESULTS.md, 2026-12-02)
            case "dataset" -> new VerdictFit.Blocks(hasEvidence, !hasMetadata, hasMetadata);
            case EVIDENCE_HEAD -> new VerdictFit.Blocks(true, false, false);
            case "evidence" -> new VerdictFit.Blocks(true, false, false);
            default -> throw new IllegalArgumentException("unknown recipe '" + recipe + "' (dataset, evidence, "
                    + EVIDENCE_HEAD + ")");
        };
    }

    /**
     * The verdict head where stacked heads' readings are among the inputs (CLIMATE-FEVER's {@code evidence-head}
     * recipe, AVeriTeC's {@code dataset} recipe): an MLP weighs their interactions where the softmax regression only
     * adds them. Chosen by the training rows' inner out-of-fold NLL over a grid of units, epochs, L2 and members
     * (benchmarks/RESULTS.md, ninth session): CLIMATE-FEVER 1.0823 / 1.0866 at seeds 42 / 43 against 1.0945 /
     * 1.1023 for the regression, AVeriTeC 0.7179 against 0.7255.
     */
    static final VerdictFit.MlpHead STACKED_HEADS_MLP = new VerdictFit.MlpHead(32, 100, 0.05, 3);

    /** How the model description names {@link #STACKED_HEADS_MLP}. */
    private static final String MLP_HEAD_NAME = "+mlp_head";

    /** The fit's options; with {@code stackedHeads}, {@link #STACKED_HEADS_MLP} as the head. */
    private static VerdictFit.Options options(VerdictFit.Blocks b, long seed, boolean stackedHeads) {
        // the last step's weights: averaging the last 30 epochs' steps, as LIAR does, was neutral on the held-out
        // rows here (AVeriTeC out-of-fold macro-F1 0.5220 against 0.5218; CLIMATE-FEVER 0.3577 against 0.3570)
        VerdictFit.Options o = new VerdictFit.Options(b.claimEmbedding() ? 1e-2 : 1e-3, 60, true, seed);
        return stackedHeads ? o.withMlp(STACKED_HEADS_MLP) : o;
    }

    private static int[] pick(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    /**
     * One JSON object per scored item, in the dataset's order, for error analysis: {@code id} (the dataset's own id,
     * prefixed by the dataset), {@code label} (the dataset's label) and {@code gold} (its grade), {@code predicted}
     * (the most probable grade), {@code predicted_macro_f1_rule} (absent where no rule was fitted), and the
     * calibrated and uncalibrated probabilities of the grades the dataset has, keyed by grade.
     */
    static void writePredictions(Predictions p, Path file) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.gold().length; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", p.ids()[i]);
            line.put("label", p.sourceLabels()[i]);
            line.put("gold", VerdictLabel.values()[p.gold()[i]].name());
            line.put("predicted", VerdictLabel.values()[Metrics.argmax(p.calibrated()[i])].name());
            if (p.macroF1Decided() != null) {
                line.put("predicted_macro_f1_rule", VerdictLabel.values()[p.macroF1Decided()[i]].name());
            }
            if (p.observedMacroF1Decided() != null) {
                line.put("predicted_macro_f1_rule_observed",
                        VerdictLabel.values()[p.observedMacroF1Decided()[i]].name());
            }
            line.put("probabilities", byGrade(p.calibrated()[i], p.allowed()));
            line.put("probabilities_uncalibrated", byGrade(p.raw()[i], p.allowed()));
            out.append(json.writeValueAsString(line)).append('\n');
        }
        Files.writeString(file, out);
    }

    private static Map<String, Double> byGrade(double[] probabilities, boolean[] allowed) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (VerdictLabel l : VerdictLabel.values()) {
            if (allowed[l.ordinal()]) {
                m.put(l.name(), probabilities[l.ordinal()]);
            }
        }
        return m;
    }

    private static int[] gold(List<VerdictData.Row> rows) {
        return rows.stream().mapToInt(r -> r.label().ordinal()).toArray();
    }

    private static String[] sourceLabels(List<VerdictData.Row> rows) {
        return rows.stream().map(VerdictData.Row::sourceLabel).toArray(String[]::new);
    }

    static Map<String, Double> metrics(Predictions p, Decision decision, long seed) {
        int k = VerdictLabel.values().length;
        int[] argmax = new int[p.gold().length];
        for (int i = 0; i < argmax.length; i++) {
            argmax[i] = Metrics.argmax(p.calibrated()[i]);
        }
        int[] pred = decision == Decision.MACRO_F1 ? p.macroF1Decided() : argmax;
        int[][] cm = Metrics.confusion(p.gold(), pred, k);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("items", (double) pred.length);
        m.put("accuracy", Metrics.accuracy(p.gold(), pred));
        m.put("macro_f1", Metrics.macroF1(cm));
        // how far the headline numbers move with the sample: items resampled with replacement (seeded)
        double[] accCi = Metrics.bootstrap95(pred.length, 1000, seed, idx -> Metrics.accuracy(pick(p.gold(), idx),
                pick(pred, idx)));
        double[] f1Ci = Metrics.bootstrap95(pred.length, 1000, seed, idx -> Metrics.macroF1(Metrics.confusion(
                pick(p.gold(), idx), pick(pred, idx), k)));
        m.put("accuracy_ci_low", accCi[0]);
        m.put("accuracy_ci_high", accCi[1]);
        m.put("macro_f1_ci_low", f1Ci[0]);
        m.put("macro_f1_ci_high", f1Ci[1]);
        m.put("accuracy_argmax", Metrics.accuracy(p.gold(), argmax));
        m.put("macro_f1_argmax", Metrics.macroF1(Metrics.confusion(p.gold(), argmax, k)));
        if (p.macroF1Decided() != null) {
            m.put("accuracy_macro_f1_rule", Metrics.accuracy(p.gold(), p.macroF1Decided()));
            m.put("macro_f1_macro_f1_rule", Metrics.macroF1(Metrics.confusion(p.gold(), p.macroF1Decided(), k)));
        }
        if (p.observedMacroF1Decided() != null) {
            m.put("accuracy_macro_f1_rule_observed", Metrics.accuracy(p.gold(), p.observedMacroF1Decided()));
            m.put("macro_f1_macro_f1_rule_observed", Metrics.macroF1(Metrics.confusion(p.gold(),
                    p.observedMacroF1Decided(), k)));
        }
        double ece = Metrics.ece(p.calibrated(), p.gold(), CalibrationReport.BINS);
        double[] ci = CalibrationReport.bootstrap95(p.calibrated(), p.gold(), 1000, seed);
        m.put("ece", ece);
        m.put("ece_ci_low", ci[0]);
        m.put("ece_ci_high", ci[1]);
        m.put("ece_noise_floor_p95", CalibrationReport.noiseFloor95(p.calibrated(), 1000, seed));
        m.put("ece_noise_floor_median", CalibrationReport.noiseFloor(p.calibrated(), 1000, seed, 0.5));
        double rawEce = Metrics.ece(p.raw(), p.gold(), CalibrationReport.BINS);
        double[] rawCi = CalibrationReport.bootstrap95(p.raw(), p.gold(), 1000, seed);
        m.put("ece_uncalibrated", rawEce);
        m.put("ece_uncalibrated_ci_low", rawCi[0]);
        m.put("ece_uncalibrated_ci_high", rawCi[1]);
        m.put("brier", Metrics.brier(p.calibrated(), p.gold()));
        m.put("nll", Metrics.nll(p.calibrated(), p.gold()));
        m.put("nll_uncalibrated", Metrics.nll(p.raw(), p.gold()));
        double[][] pc = Metrics.perClass(cm);
        for (VerdictLabel l : VerdictLabel.values()) {
            if (!p.allowed()[l.ordinal()]) {
                continue;
            }
            String n = l.name().toLowerCase(Locale.ROOT);
            m.put("precision_" + n, pc[l.ordinal()][0]);
            m.put("recall_" + n, pc[l.ordinal()][1]);
            m.put("f1_" + n, pc[l.ordinal()][2]);
            for (VerdictLabel q : VerdictLabel.values()) {
                if (p.allowed()[q.ordinal()]) {
                    m.put("confusion_" + n + "_" + q.name().toLowerCase(Locale.ROOT),
                            (double) cm[l.ordinal()][q.ordinal()]);
                }
            }
        }
        boolean liar = false;
        int strict = 0;
        for (int i = 0; i < pred.length; i++) {
            liar |= p.sourceLabels()[i].equals("pants-fire");
            boolean right = pred[i] == p.gold()[i] && !p.sourceLabels()[i].equals("pants-fire");
            strict += right ? 1 : 0;
        }
        if (liar) {
            // LIAR's pants-fire and false are both FALSE on our scale: strictly, a pants-fire item is never right
            m.put("accuracy_6way_strict", strict / (double) pred.length);
        }
        return m;
    }
}
