package io.claimlens.train;

import io.claimlens.claims.detect.CheckworthinessFeatures;
import io.claimlens.claims.detect.CheckworthinessModel;
import io.claimlens.claims.detect.SpeakerRole;
import io.claimlens.datasets.CheckThat;
import io.claimlens.datasets.ClaimBuster;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.embed.SentenceEncoders;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.ml.PlattScaling;
import io.claimlens.ml.Ranking;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the check-worthiness head ({@code checkworthiness-v3}) and chooses its design by cross-validation.
 *
 * <p>Data: see {@link CheckworthinessData} (CheckThat! 2019 + 2020 training transcripts, de-duplicated and
 * leak-free, and ClaimBuster). Every design in {@link #DESIGNS} is trained on the same {@value
 * CheckworthinessData#FOLDS} folds (whole transcripts held out, with a stratified fifth of ClaimBuster). The
 * measure is the CheckThat! one: MAP over the out-of-fold rankings of all training transcripts. MLP designs also
 * choose their epoch count by it. The best design wins; the cheapest design within {@link #MAP_TOLERANCE} of it
 * wins instead if it needs at most two thirds of the best one's multiply-adds per sentence (cost is the
 * tie-breaker; counted, not timed, so the choice is the same on a busy machine).
 *
 * <p>Why cross-validation rather than one dev split: a dev split of the latest 12 transcripts holds ~150
 * positives, and its MAP moved by 0.08 between consecutive MLP epochs; over 56 held-out transcripts the estimate
 * is steadier. Still not steady enough to separate the best designs: one design's CV MAP moved from 0.134 to 0.180
 * between fold splits (benchmarks/RESULTS.md, 2026-12-02), so {@code cvRepeats > 1} repeats the cross-validation
 * over that many splits (fold seeds {@code seed, seed + 1, ...}; the heads keep {@code seed}) and compares designs,
 * and epoch counts, by the mean MAP. One repeat is the plain cross-validation.
 *
 * <p>The chosen design is then trained on all training data with the chosen epoch count; its margin is mapped to a
 * probability by Platt scaling fitted on the out-of-fold ClaimBuster margins (so "probability" means ClaimBuster's
 * notion, a check-worthy factual sentence). The test transcripts are scored only at the end, for the card. Class
 * weights: check-worthy sentences weigh {@code posWeight}; ClaimBuster rows weigh {@code claimBusterWeight} against
 * a transcript line. The same seed gives the same model bytes.
 */
public final class CheckworthinessTrainer {

    /**
     * A design: head, inputs and number of members (an ensemble of seeds when more than one), and whether it adds
     * {@link CheckworthinessModel.KnownClaims known claims} (the training transcripts' check-worthy sentences) with a
     * weight chosen by cross-validation from {@link #KNOWN_CLAIM_WEIGHTS}.
     */
    public record Design(String name, String head, String inputs, int members, boolean knownClaims) {

        public Design(String name, String head, String inputs, int members) {
            this(name, head, inputs, members, false);
        }
    }

    public static final List<Design> DESIGNS = List.of(
            new Design("lr-embedding", CheckworthinessModel.SOFTMAX, CheckworthinessModel.EMBEDDING, 1),
            new Design("lr-embedding+features", CheckworthinessModel.SOFTMAX,
                    CheckworthinessModel.EMBEDDING_FEATURES, 1),
            new Design("mlp-embedding+features", CheckworthinessModel.MLP, CheckworthinessModel.EMBEDDING_FEATURES,
                    1),
            new Design("mlp5-embedding+features", CheckworthinessModel.MLP,
                    CheckworthinessModel.EMBEDDING_FEATURES, 5),
            new Design("mlp5-embedding+features+context", CheckworthinessModel.MLP,
                    CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT, 5),
            new Design("mlp5-embedding+features+context+speaker", CheckworthinessModel.MLP,
                    CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT_SPEAKER, 5),
            new Design("mlp5-embedding+features+split-context", CheckworthinessModel.MLP,
                    CheckworthinessModel.EMBEDDING_FEATURES_SPLIT_CONTEXT, 5),
            new Design("mlp10-embedding+features+context", CheckworthinessModel.MLP,
                    CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT, 10),
            new Design("mlp5-embedding+features+context+speaker+known-claims", CheckworthinessModel.MLP,
                    CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT_SPEAKER, 5, true));

    /**
     * The known-claims weights a {@link Design#knownClaims} design tries, with each epoch count; 0 is the same design
     * without known claims, so cross-validation can also decide that they do not help.
     */
    static final double[] KNOWN_CLAIM_WEIGHTS = {0, 1, 2, 4, 8, 16};

    static final double MAP_TOLERANCE = 0.005;

    /** Training options. */
    public record Options(Path dataRoot, Path out, String id, long seed, String encoder, Path cacheDir,
                          String command, int lrEpochs, int mlpEpochs, int hidden, double posWeight,
                          double claimBusterWeight, int cvRepeats, List<String> designs) {

        public Options {
            if (cvRepeats < 1) {
                throw new IllegalArgumentException("--cv-repeats must be at least 1, not " + cvRepeats);
            }
            if (!(claimBusterWeight > 0) || Double.isInfinite(claimBusterWeight)) {
                throw new IllegalArgumentException("--claimbuster-weight must be a positive number, not "
                        + claimBusterWeight);
            }
        }
    }

    /** What one design scored in cross-validation, at its best epoch count. */
    public record DesignResult(Design design, int epochs, double cvMap, double cvRPrecision, double cvPAt10,
                               double claimBusterAp, double[] mapByEpoch, double[] claimBusterMargins,
                               double trainSeconds, double headSentencesPerSecond, long multiplyAdds,
                               double knownClaimWeight) {

        /** A result of a design without known claims. */
        public DesignResult(Design design, int epochs, double cvMap, double cvRPrecision, double cvPAt10,
                            double claimBusterAp, double[] mapByEpoch, double[] claimBusterMargins,
                            double trainSeconds, double headSentencesPerSecond, long multiplyAdds) {
            this(design, epochs, cvMap, cvRPrecision, cvPAt10, claimBusterAp, mapByEpoch, claimBusterMargins,
                    trainSeconds, headSentencesPerSecond, multiplyAdds, 0);
        }
    }

    /**
     * The head's cost per sentence in multiply-adds (all members): the speed tie-break of {@link #choose}. Counted,
     * not timed, so the choice does not depend on how busy the machine was.
     */
    static long multiplyAdds(Design d, int inputLength, int hidden) {
        long perMember = CheckworthinessModel.MLP.equals(d.head())
                ? (long) inputLength * hidden + 2L * hidden : 2L * inputLength;
        return perMember * d.members();
    }

    /** {@link #multiplyAdds(Design, int, int)} plus one dot product per known claim. */
    static long multiplyAdds(Design d, int inputLength, int hidden, int knownClaims, int dimension) {
        return multiplyAdds(d, inputLength, hidden) + (long) knownClaims * dimension;
    }

    public ModelCard train(Options o, PrintStream log) throws IOException {
        CheckworthinessData.Assembled data = CheckworthinessData.assemble(o.dataRoot(), o.seed());
        data.decisions().forEach(d -> log.println("data: " + d));
        int transcriptLines = data.transcripts().stream().mapToInt(d -> d.lines().size()).sum();
        int transcriptPositives = data.transcripts().stream().mapToInt(CheckThat.Debate::positives).sum();
        int cbPositives = data.claimBuster().stream().mapToInt(ClaimBuster.Sentence::label).sum();
        log.printf("train: %,d CheckThat! sentences (%,d check-worthy) in %d transcripts; %,d ClaimBuster sentences "
                        + "(%,d CFS)%n", transcriptLines, transcriptPositives, data.transcripts().size(),
                data.claimBuster().size(), cbPositives);

        try (SentenceEncoder encoder = SentenceEncoders.open(o.encoder())) {
            List<String> texts = new ArrayList<>();
            for (List<CheckThat.Debate> ds : List.of(data.transcripts(), data.test2019(), data.test2020())) {
                ds.forEach(d -> d.lines().forEach(l -> texts.add(l.text())));
            }
            data.claimBuster().forEach(s -> texts.add(s.text()));
            EmbeddingTable emb = EmbeddingTable.build(encoder, texts, o.cacheDir(), log);
            Inputs inputs = new Inputs(emb);

            List<DesignResult> results = new ArrayList<>();
            for (Design d : DESIGNS) {
                if (o.designs() == null || o.designs().isEmpty() || o.designs().contains(d.name())) {
                    results.add(crossValidate(d, data, inputs, o, log));
                }
            }
            if (results.isEmpty()) {
                throw new IllegalArgumentException("--designs names none of " + DESIGNS.stream()
                        .map(Design::name).toList());
            }
            DesignResult chosen = choose(results);
            log.printf(Locale.ROOT, "chosen design: %s, %d epochs (CV MAP %.4f)%n", chosen.design().name(),
                    chosen.epochs(), chosen.cvMap());

            int[] cbGold = data.claimBuster().stream().mapToInt(ClaimBuster.Sentence::label).toArray();
            PlattScaling.Fit platt = PlattScaling.fit(chosen.claimBusterMargins(), cbGold);
            double[][] cbProbs = new double[cbGold.length][];
            int[] cbPred = new int[cbGold.length];
            for (int i = 0; i < cbGold.length; i++) {
                double p = platt.probability(chosen.claimBusterMargins()[i]);
                cbProbs[i] = new double[] {1 - p, p};
                cbPred[i] = p >= 0.5 ? 1 : 0;
            }

            log.printf("final: training %s on all %,d sentences%n", chosen.design().name(),
                    transcriptLines + data.claimBuster().size());
            List<Row> all = rows(data, -1, false, inputs, chosen.design().inputs(), o.claimBusterWeight());
            CheckworthinessModel finalModel = CheckworthinessHeads.fit(spec(chosen.design(), o)
                            .withEpochs(chosen.epochs()), matrix(all), labels(all), rowWeights(all), null)
                    .withPlatt(platt.a(), platt.b());
            if (chosen.knownClaimWeight() > 0) {
                List<float[]> known = knownClaims(data, -1, inputs);
                finalModel = finalModel.withKnownClaims(CheckworthinessModel.KnownClaims.of(chosen.knownClaimWeight(),
                        known));
                log.printf(Locale.ROOT, "final: %,d known claims, weight %.0f%n", known.size(),
                        chosen.knownClaimWeight());
            }

            Map<String, Double> metrics = new LinkedHashMap<>();
            for (DesignResult r : results) {
                metrics.put("cv_map_" + r.design().name().replace('+', '_').replace('-', '_'), r.cvMap());
            }
            metrics.put("cv_map", chosen.cvMap());
            metrics.put("cv_r_precision", chosen.cvRPrecision());
            metrics.put("cv_p_at_10", chosen.cvPAt10());
            metrics.put("cv_claimbuster_average_precision", chosen.claimBusterAp());
            metrics.put("cv_claimbuster_f1", Ranking.f1(cbGold, cbPred));
            metrics.put("cv_claimbuster_ece", Metrics.ece(cbProbs, cbGold, 15));
            for (String edition : List.of("checkthat2019", "checkthat2020")) {
                List<CheckThat.Debate> test = edition.equals("checkthat2019") ? data.test2019() : data.test2020();
                List<Ranking.Group> groups = new ArrayList<>();
                for (CheckThat.Debate d : test) {
                    double[] sc = new double[d.lines().size()];
                    List<SpeakerRole> roles = roles(d);
                    for (int j = 0; j < sc.length; j++) {
                        sc[j] = finalModel.margin(inputs.of(finalModel.inputs(), d.lines(), roles, j));
                    }
                    groups.add(new Ranking.Group(d.name(), sc, d.lines().stream().mapToInt(CheckThat.Line::label)
                            .toArray()));
                }
                metrics.put(edition + "_test_map", Ranking.meanAveragePrecision(groups));
                metrics.put(edition + "_test_r_precision", Ranking.meanRPrecision(groups));
                metrics.put(edition + "_test_p_at_10", Ranking.meanPrecisionAt(groups, 10));
            }
            metrics.forEach((k, v) -> log.printf(Locale.ROOT, "  %s = %.4f%n", k, v));

            ModelCard card = new ModelCard(o.id(), "checkworthiness", LocalDate.now().toString(), o.command(),
                    o.seed(), encoder.modelRef().id(), encoder.modelRef().sha256(),
                    config(chosen, results, platt, data, o), data.refs(), metrics, Map.of(), notes(chosen));
            ModelCard written = ModelStore.write(o.out(), card, Map.of("model.json",
                    ModelStore.toJson(finalModel)));
            log.println("wrote " + o.out() + " (model.json " + written.files().get("model.json") + ")");
            return written;
        }
    }

    private static Map<String, Object> config(DesignResult chosen, List<DesignResult> results,
                                              PlattScaling.Fit platt, CheckworthinessData.Assembled data,
                                              Options o) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("design", chosen.design().name());
        config.put("head", chosen.design().head());
        config.put("inputs", chosen.design().inputs());
        config.put("members", chosen.design().members());
        config.put("features", "checkworthiness-features-v" + CheckworthinessFeatures.LAYOUT_VERSION + " ("
                + CheckworthinessFeatures.NAMES.size() + " hand features)");
        config.put("epochs", chosen.epochs());
        if (CheckworthinessModel.MLP.equals(chosen.design().head())) {
            config.put("hidden_units", o.hidden());
        }
        config.put("positive_class_weight", o.posWeight());
        if (o.claimBusterWeight() != 1) { // absent: 1, as for the models trained before the option
            config.put("claimbuster_row_weight", o.claimBusterWeight());
        }
        if (chosen.design().knownClaims()) {
            config.put("known_claims", String.format(Locale.ROOT, "weight %s chosen by cross-validation from %s "
                            + "(0: none); the known claims are the check-worthy sentences of the training "
                            + "transcripts, distinct texts, as unit embeddings (%s)", fmt(chosen.knownClaimWeight()),
                    java.util.Arrays.toString(KNOWN_CLAIM_WEIGHTS), chosen.knownClaimWeight() > 0
                            ? "stored in model.json" : "none stored"));
        }
        config.put("optimizer", "Adam, batch 64, L2 1e-4; lr 0.01 (softmax regression) / 0.001 (MLP)");
        config.put("calibration", String.format(Locale.ROOT, "Platt scaling on out-of-fold ClaimBuster margins: "
                + "a=%.4f, b=%.4f", platt.a(), platt.b()));
        config.put("selection", CheckworthinessData.FOLDS + "-fold cross-validation by transcript"
                + (o.cvRepeats() > 1 ? ", repeated over " + o.cvRepeats() + " fold splits (seeds " + o.seed() + ".."
                + (o.seed() + o.cvRepeats() - 1) + ", mean MAP)" : "") + "; best MAP, "
                + "within " + MAP_TOLERANCE + " of it the cheapest design (multiply-adds per sentence) if it costs at "
                + "most two thirds of the best");
        StringBuilder comparison = new StringBuilder();
        for (DesignResult r : results) {
            StringBuilder byEpoch = new StringBuilder();
            for (int e = 0; e < r.mapByEpoch().length; e++) {
                byEpoch.append(e == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", r.mapByEpoch()[e]));
            }
            comparison.append(String.format(Locale.ROOT, "%s: CV MAP %.4f at %d epochs%s (by epoch: %s), R-P %.4f, "
                            + "P@10 %.4f, ClaimBuster AP %.4f, CV training %.0f s, head %.0f sentences/s, "
                            + "%,d multiply-adds; ",
                    r.design().name(), r.cvMap(), r.epochs(), r.design().knownClaims() ? ", known-claims weight "
                            + fmt(r.knownClaimWeight()) : "", byEpoch, r.cvRPrecision(), r.cvPAt10(),
                    r.claimBusterAp(), r.trainSeconds(), r.headSentencesPerSecond(), r.multiplyAdds()));
        }
        config.put("design_comparison", comparison.toString().strip());
        config.put("data_decisions", String.join("; ", data.decisions()));
        return config;
    }

    private static String fmt(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }

    private static String notes(DesignResult chosen) {
        boolean ctx = CheckworthinessModel.withContext(chosen.design().inputs());
        return "Check-worthiness of a sentence: the probability that it states something worth fact-checking. "
                + "Head: " + chosen.design().name() + " over frozen sentence embeddings"
                + (CheckworthinessModel.withFeatures(chosen.design().inputs())
                ? " and hand features (numbers, quantities, comparisons, capitalised names, quote marks, tense, "
                + "person, questions, hedges, opinion and speech verbs)" : "")
                + (ctx ? (CheckworthinessModel.splitContext(chosen.design().inputs())
                ? " and context (the embeddings of the sentence before and of the sentence after, side by side)"
                : " and context (the mean embedding of the sentences before and after)") : "")
                + ". Trained on political debate and speech transcripts (CheckThat! 2019/2020 training; labels = "
                + "sentences fact-checked by journalists) and ClaimBuster (labels = check-worthy factual "
                + "sentences). "
                + (ctx ? "ClaimBuster gives sentences without neighbours, so the model has two regimes: a sentence "
                + "scored on its own gets ClaimBuster's notion as a probability calibrated on held-out ClaimBuster "
                + "sentences (what detect reports, and what the ClaimBuster benchmark measures); a sentence scored "
                + "with its neighbours gets CheckThat!'s stricter notion, used to rank transcripts (what the "
                + "CheckThat! MAP measures; not a calibrated probability). "
                : "The probability is calibrated on held-out ClaimBuster sentences (ClaimBuster's notion); "
                + "CheckThat!'s stricter notion is measured as a ranking (MAP). ")
                + (chosen.knownClaimWeight() > 0 ? "A sentence's margin also gains " + fmt(chosen.knownClaimWeight())
                + " times its highest cosine similarity to a sentence fact-checkers picked in the training "
                + "transcripts (known claims, stored as embeddings only): repeated talking points score higher. " : "")
                + "The design was chosen by cross-validation among those in design_comparison. Limits: trained on "
                + "spoken political English and applied to news prose; names are approximated by capitalisation "
                + "in the hand features.";
    }

    /** Input vectors (embedding, hand features, context) of every sentence, computed once. */
    static final class Inputs {
        private final EmbeddingTable emb;
        private final Map<String, double[]> cache = new HashMap<>();

        Inputs(EmbeddingTable emb) {
            this.emb = emb;
        }

        /** A sentence's embedding. */
        float[] embedding(String text) {
            return emb.get(text);
        }

        /**
         * A sentence with its neighbours (null at a boundary, or for a sentence without context) and its speaker's
         * role (null when unknown).
         */
        synchronized double[] of(String inputs, String text, String previous, String next, SpeakerRole role) {
            boolean ctx = CheckworthinessModel.withContext(inputs);
            boolean sp = CheckworthinessModel.withSpeaker(inputs);
            String key = inputs + "\u0000" + text + (ctx ? "\u0000" + previous + "\u0000" + next : "")
                    + (sp ? "\u0000" + role : "");
            return cache.computeIfAbsent(key, k -> CheckworthinessModel.input(inputs, emb.get(text), text,
                    ctx ? CheckworthinessModel.context(inputs, previous == null ? null : emb.get(previous),
                            next == null ? null : emb.get(next)) : null, role));
        }

        /** Line {@code j} of a transcript, its neighbouring lines as context, its speaker's role from {@code roles}. */
        double[] of(String inputs, List<CheckThat.Line> lines, List<SpeakerRole> roles, int j) {
            return of(inputs, lines.get(j).text(), j > 0 ? lines.get(j - 1).text() : null,
                    j + 1 < lines.size() ? lines.get(j + 1).text() : null, roles.get(j));
        }
    }

    /** One training row. */
    private record Row(double[] x, int y, double weight) {
    }

    /** Rows of every transcript and ClaimBuster sentence in fold {@code fold} ({@code heldOut}) or not in it. */
    private static List<Row> rows(CheckworthinessData.Assembled data, int fold, boolean heldOut, Inputs inputs,
                                  String in, double cbWeight) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < data.transcripts().size(); i++) {
            if ((data.transcriptFold()[i] == fold) == heldOut) {
                List<CheckThat.Line> lines = data.transcripts().get(i).lines();
                List<SpeakerRole> roles = roles(data.transcripts().get(i));
                for (int j = 0; j < lines.size(); j++) {
                    out.add(new Row(inputs.of(in, lines, roles, j), lines.get(j).label(), 1.0));
                }
            }
        }
        for (int i = 0; i < data.claimBuster().size(); i++) {
            if ((data.claimBusterFold()[i] == fold) == heldOut) {
                ClaimBuster.Sentence s = data.claimBuster().get(i);
                out.add(new Row(claimBusterInput(data, i, inputs, in), s.label(), cbWeight));
            }
        }
        return out;
    }

    /**
     * A ClaimBuster sentence's input. The set gives sentences without their neighbours, so a context design
     * sees zeros there, and learns two regimes: with context, CheckThat!'s notion (the few sentences fact-checkers
     * picked); without, ClaimBuster's (a check-worthy factual sentence). Cross-validation showed the split helps:
     * giving ClaimBuster rows the context of a random transcript line instead lowered CV MAP from 0.175 to 0.142.
     */
    static double[] claimBusterInput(CheckworthinessData.Assembled data, int i, Inputs inputs, String in) {
        return inputs.of(in, data.claimBuster().get(i).text(), null, null, null);
    }

    private static CheckworthinessHeads.Spec spec(Design d, Options o) {
        int epochs = CheckworthinessModel.MLP.equals(d.head()) ? o.mlpEpochs() : o.lrEpochs();
        return new CheckworthinessHeads.Spec(d.head(), d.inputs(), d.members(), epochs, o.hidden(), o.posWeight(),
                o.seed());
    }

    private DesignResult crossValidate(Design d, CheckworthinessData.Assembled data, Inputs inputs, Options o,
                                       PrintStream log) {
        CheckworthinessHeads.Spec spec = spec(d, o);
        int epochs = spec.epochs();
        int nT = data.transcripts().size();
        int repeats = o.cvRepeats();
        double[][][][] oof = new double[repeats][epochs + 1][nT][];
        double[][][] cbOof = new double[repeats][epochs + 1][data.claimBuster().size()];
        // Known-claims designs: each held-out sentence's highest similarity to the training folds' known claims
        double[][][] sim = new double[repeats][nT][];
        double[][] cbSim = new double[repeats][data.claimBuster().size()];
        boolean[] reported = new boolean[epochs + 1];
        long t0 = System.nanoTime();
        long[] scored = {0, 0}; // sentences scored, nanoseconds spent scoring
        int inputLength = 0;
        for (int r = 0; r < repeats; r++) {
            // Repeat 0 uses the folds of --seed (so one repeat is the plain cross-validation); repeat r deals the
            // same transcripts with seed + r. The heads keep --seed: only the split varies.
            CheckworthinessData.Assembled folds = r == 0 ? data : data.withFolds(o.seed() + r);
            double[][][] oofR = oof[r];
            double[][] cbOofR = cbOof[r];
            for (int e = 0; e <= epochs; e++) {
                for (int i = 0; i < nT; i++) {
                    oofR[e][i] = new double[data.transcripts().get(i).lines().size()];
                }
            }
            for (int k = 0; k < CheckworthinessData.FOLDS; k++) {
                List<Row> train = rows(folds, k, false, inputs, d.inputs(), o.claimBusterWeight());
                inputLength = train.get(0).x().length;
                int fold = k;
                if (d.knownClaims()) {
                    similarities(folds, fold, inputs, sim[r], cbSim[r]);
                }
                log.printf("design %s, %sfold %d: training on %,d sentences%n", d.name(),
                        repeats > 1 ? "repeat " + (r + 1) + ", " : "", k + 1, train.size());
                CheckworthinessHeads.fit(spec, matrix(train), labels(train), rowWeights(train), (epoch, model) -> {
                    long s0 = System.nanoTime();
                    reported[epoch] = true;
                    for (int i = 0; i < nT; i++) {
                        if (folds.transcriptFold()[i] == fold) {
                            List<CheckThat.Line> ls = data.transcripts().get(i).lines();
                            List<SpeakerRole> roles = roles(data.transcripts().get(i));
                            for (int j = 0; j < ls.size(); j++) {
                                oofR[epoch][i][j] = model.margin(inputs.of(d.inputs(), ls, roles, j));
                            }
                            scored[0] += ls.size();
                        }
                    }
                    for (int i = 0; i < data.claimBuster().size(); i++) {
                        if (folds.claimBusterFold()[i] == fold) {
                            cbOofR[epoch][i] = model.margin(claimBusterInput(data, i, inputs, d.inputs()));
                            scored[0]++;
                        }
                    }
                    scored[1] += System.nanoTime() - s0;
                });
            }
        }
        long scoringNanos = scored[1];
        double trainSeconds = (System.nanoTime() - t0 - scoringNanos) / 1e9;
        double[] weights = d.knownClaims() ? KNOWN_CLAIM_WEIGHTS : new double[] {0};
        int best = -1;
        double bestWeight = 0;
        double bestMap = -1;
        List<Double> maps = new ArrayList<>();
        StringBuilder byWeight = new StringBuilder();
        for (int e = 1; e <= epochs; e++) {
            if (!reported[e]) {
                continue;
            }
            double epochBest = -1;
            for (double w : weights) {
                double sum = 0;
                for (int r = 0; r < repeats; r++) {
                    sum += Ranking.meanAveragePrecision(groups(data, plus(oof[r][e], sim[r], w)));
                }
                double map = sum / repeats;
                epochBest = Math.max(epochBest, map);
                if (d.knownClaims()) {
                    byWeight.append(String.format(Locale.ROOT, "%s%d/%s %.4f", byWeight.length() == 0 ? "" : ", ",
                            e, fmt(w), map));
                }
                if (map > bestMap) {
                    bestMap = map;
                    best = e;
                    bestWeight = w;
                }
            }
            maps.add(epochBest);
        }
        if (d.knownClaims()) {
            log.println("design " + d.name() + ": CV MAP by epoch/known-claims weight: " + byWeight);
        }
        double[] mapByEpoch = maps.stream().mapToDouble(Double::doubleValue).toArray();
        int[] cbGold = data.claimBuster().stream().mapToInt(ClaimBuster.Sentence::label).toArray();
        double rPrecision = 0;
        double pAt10 = 0;
        double cbAp = 0;
        double[] mapByRepeat = new double[repeats];
        double[][] cbMargins = new double[repeats][];
        for (int r = 0; r < repeats; r++) {
            List<Ranking.Group> g = groups(data, plus(oof[r][best], sim[r], bestWeight));
            mapByRepeat[r] = Ranking.meanAveragePrecision(g);
            rPrecision += Ranking.meanRPrecision(g);
            pAt10 += Ranking.meanPrecisionAt(g, 10);
            cbMargins[r] = plus(cbOof[r][best], cbSim[r], bestWeight);
            cbAp += Ranking.averagePrecision(cbMargins[r], cbGold);
        }
        double headSpeed = scored[0] / Math.max(1e-9, scoringNanos / 1e9);
        // The Platt fit uses the ClaimBuster margins of the first repeat (each sentence scored once).
        int knownCount = bestWeight > 0 ? knownClaims(data, -1, inputs).size() : 0;
        DesignResult res = new DesignResult(d, best, bestMap, rPrecision / repeats, pAt10 / repeats,
                cbAp / repeats, mapByEpoch, cbMargins[0], trainSeconds, headSpeed,
                multiplyAdds(d, inputLength, o.hidden(), knownCount,
                        CheckworthinessModel.embeddingDimension(d.inputs(), inputLength)), bestWeight);
        log.printf(Locale.ROOT, "design %s: CV MAP %.4f at %d epochs%s (by epoch %s%s), R-P %.4f, P@10 %.4f, "
                        + "ClaimBuster AP %.4f; %.0f s, head %.0f sentences/s%n", d.name(), res.cvMap(),
                res.epochs(), d.knownClaims() ? ", known-claims weight " + fmt(bestWeight) : "",
                java.util.Arrays.toString(mapByEpoch),
                repeats > 1 ? "; by repeat at that epoch " + java.util.Arrays.toString(mapByRepeat) : "",
                res.cvRPrecision(), res.cvPAt10(), res.claimBusterAp(), trainSeconds, headSpeed);
        return res;
    }

    /**
     * The distinct check-worthy sentences of the training transcripts outside fold {@code fold} (-1: all), as
     * embeddings, in transcript and line order.
     */
    static List<float[]> knownClaims(CheckworthinessData.Assembled data, int fold, Inputs inputs) {
        java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
        for (int i = 0; i < data.transcripts().size(); i++) {
            if (fold < 0 || data.transcriptFold()[i] != fold) {
                for (CheckThat.Line l : data.transcripts().get(i).lines()) {
                    if (l.label() == 1) {
                        texts.add(l.text());
                    }
                }
            }
        }
        return texts.stream().map(inputs::embedding).toList();
    }

    /**
     * Fills {@code sim} (per transcript line) and {@code cbSim} (per ClaimBuster sentence) for the sentences held
     * out in {@code fold}: their highest similarity to the known claims of the other folds, computed as the model
     * computes it ({@link CheckworthinessModel.KnownClaims#maxSimilarity}).
     */
    private static void similarities(CheckworthinessData.Assembled folds, int fold, Inputs inputs, double[][] sim,
                                     double[] cbSim) {
        CheckworthinessModel.KnownClaims known = CheckworthinessModel.KnownClaims.of(1,
                knownClaims(folds, fold, inputs));
        for (int i = 0; i < folds.transcripts().size(); i++) {
            if (folds.transcriptFold()[i] == fold) {
                List<CheckThat.Line> ls = folds.transcripts().get(i).lines();
                sim[i] = new double[ls.size()];
                for (int j = 0; j < ls.size(); j++) {
                    sim[i][j] = known.maxSimilarity(inputs.embedding(ls.get(j).text()));
                }
            }
        }
        for (int i = 0; i < folds.claimBuster().size(); i++) {
            if (folds.claimBusterFold()[i] == fold) {
                cbSim[i] = known.maxSimilarity(inputs.embedding(folds.claimBuster().get(i).text()));
            }
        }
    }

    /** {@code scores + w * sim}, element by element ({@code scores} itself when w is 0). */
    private static double[][] plus(double[][] scores, double[][] sim, double w) {
        if (w == 0) {
            return scores;
        }
        double[][] out = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            out[i] = plus(scores[i], sim[i], w);
        }
        return out;
    }

    /** {@code scores + w * sim}, element by element ({@code scores} itself when w is 0). */
    private static double[] plus(double[] scores, double[] sim, double w) {
        if (w == 0) {
            return scores;
        }
        double[] out = scores.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] += w * sim[j];
        }
        return out;
    }

    /** The speaker role of every line of a transcript ({@link SpeakerRole#of}). */
    public static List<SpeakerRole> roles(CheckThat.Debate d) {
        return SpeakerRole.of(d.lines().stream().map(CheckThat.Line::speaker).toList(),
                d.lines().stream().map(CheckThat.Line::text).toList());
    }

    private static List<Ranking.Group> groups(CheckworthinessData.Assembled data, double[][] scores) {
        List<Ranking.Group> out = new ArrayList<>();
        for (int i = 0; i < data.transcripts().size(); i++) {
            CheckThat.Debate d = data.transcripts().get(i);
            out.add(new Ranking.Group(d.name(), scores[i], d.lines().stream().mapToInt(CheckThat.Line::label)
                    .toArray()));
        }
        return out;
    }

    /**
     * Best CV MAP; among the designs within the tolerance of it, the cheapest (fewest multiply-adds per sentence)
     * wins if it costs at most two thirds of the best. Deterministic: ties go to the earlier design in
     * {@link #DESIGNS} order.
     */
    static DesignResult choose(List<DesignResult> results) {
        DesignResult best = results.get(0);
        for (DesignResult r : results) {
            if (r.cvMap() > best.cvMap()) {
                best = r;
            }
        }
        DesignResult cheapest = best;
        for (DesignResult r : results) {
            if (r.cvMap() >= best.cvMap() - MAP_TOLERANCE && r.multiplyAdds() < cheapest.multiplyAdds()) {
                cheapest = r;
            }
        }
        return cheapest.multiplyAdds() * 1.5 <= best.multiplyAdds() ? cheapest : best;
    }

    private static double[][] matrix(List<Row> rows) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i).x();
        }
        return x;
    }

    private static int[] labels(List<Row> rows) {
        return rows.stream().mapToInt(Row::y).toArray();
    }

    /** The rows' loss weights, or null when all are 1 (the unweighted fit, bit for bit). */
    private static double[] rowWeights(List<Row> rows) {
        double[] w = rows.stream().mapToDouble(Row::weight).toArray();
        return java.util.Arrays.stream(w).allMatch(v -> v == 1.0) ? null : w;
    }
}
