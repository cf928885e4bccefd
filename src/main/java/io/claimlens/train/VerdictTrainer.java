package io.claimlens.train;

import io.claimlens.datasets.ClimateFever;
import io.claimlens.datasets.DataFiles;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.ml.Calibration;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.ml.SoftmaxRegression;
import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Evidence;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.StanceResult;
import io.claimlens.model.VerdictLabel;
import io.claimlens.stance.EmbeddingStanceClassifier;
import io.claimlens.stance.TextFeatures;
import io.claimlens.verdict.VerdictFeatures;
import io.claimlens.verdict.VerdictModel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the verdict model ({@code verdict-v1}) on CLIMATE-FEVER: each claim's 5 evidence sentences go through the
 * stance model, the aggregated {@link VerdictFeatures} through a softmax regression over the 6-grade scale.
 *
 * <p>Label map: SUPPORTS → TRUE, REFUTES → FALSE, NOT_ENOUGH_INFO → UNVERIFIABLE, DISPUTED → PARTIALLY_TRUE.
 * Reported numbers are 5-fold cross-validated by claim (fixed seed); the temperature is fitted on the out-of-fold
 * logits, then the shipped model is refit on all claims.
 */
public final class VerdictTrainer {

    /** Training options. */
    public record Options(Path dataRoot, Path stanceModel, Path out, String id, long seed, EncoderModel encoder,
                          int epochs, Path cacheDir, String command) {
    }

    static VerdictLabel map(String climateFeverLabel) {
        return switch (climateFeverLabel) {
            case "SUPPORTS" -> VerdictLabel.TRUE;
            case "REFUTES" -> VerdictLabel.FALSE;
            case "NOT_ENOUGH_INFO" -> VerdictLabel.UNVERIFIABLE;
            case "DISPUTED" -> VerdictLabel.PARTIALLY_TRUE;
            default -> throw new IllegalArgumentException("unknown CLIMATE-FEVER label " + climateFeverLabel);
        };
    }

    public ModelCard train(Options o, PrintStream log) throws IOException {
        Path file = o.dataRoot().resolve("climate-fever/climate-fever.jsonl.gz");
        List<ClimateFever.Item> items = ClimateFever.read(file);
        log.printf("CLIMATE-FEVER: %,d claims%n", items.size());
        try (DjlSentenceEncoder encoder = DjlSentenceEncoder.create(EncoderConfig.builder().setModel(o.encoder())
                .build())) {
            EmbeddingStanceClassifier stance = new EmbeddingStanceClassifier(encoder,
                    ModelStore.load(o.stanceModel().toString()));
            List<String> texts = new ArrayList<>();
            for (ClimateFever.Item it : items) {
                texts.add(it.claim());
                it.evidence().forEach(e -> texts.add(e.text()));
            }
            EmbeddingTable emb = EmbeddingTable.build(encoder, texts, o.cacheDir(), log);
            double[][] x = new double[items.size()][];
            int[] y = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                x[i] = VerdictFeatures.vector(features(items.get(i), stance, emb));
                y[i] = map(items.get(i).label()).ordinal();
            }
            int k = VerdictLabel.values().length;
            SoftmaxRegression.Options opts = SoftmaxRegression.Options.defaults(o.seed()).withEpochs(o.epochs());
            List<VerdictAnchors.Anchor> anchors = VerdictAnchors.generate(ANCHORS_PER_SCENARIO, o.seed());

            // 5-fold cross-validation by claim, fixed seed
            int[] fold = folds(items.size(), 5, o.seed());
            double[][] oofLogits = new double[items.size()][];
            for (int f = 0; f < 5; f++) {
                List<Integer> tr = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (fold[i] != f) {
                        tr.add(i);
                    }
                }
                SoftmaxRegression m = trainWithAnchors(select(x, tr), select(y, tr), anchors, k, opts);
                for (int i = 0; i < items.size(); i++) {
                    if (fold[i] == f) {
                        oofLogits[i] = m.logits(x[i]);
                    }
                }
            }
            double temperature = Calibration.fitTemperature(oofLogits, y);
            double[][] raw = new double[items.size()][];
            double[][] cal = new double[items.size()][];
            for (int i = 0; i < items.size(); i++) {
                raw[i] = Calibration.softmax(oofLogits[i], 1.0);
                cal[i] = Calibration.softmax(oofLogits[i], temperature);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            Map<String, Double> s = Metrics.summary(cal, y, k);
            metrics.put("cv5_accuracy", s.get("accuracy"));
            metrics.put("cv5_macro_f1", s.get("macro_f1"));
            metrics.put("cv5_ece", s.get("ece"));
            metrics.put("cv5_ece_uncalibrated", Metrics.ece(raw, y, 15));
            metrics.put("cv5_nll", s.get("nll"));
            metrics.put("temperature", temperature);
            metrics.forEach((name, v) -> log.printf("  %s = %.4f%n", name, v));

            SoftmaxRegression full = trainWithAnchors(x, y, anchors, k, opts);
            VerdictModel model = new VerdictModel(Arrays.stream(VerdictLabel.values()).map(Enum::name)
                    .toArray(String[]::new), VerdictFeatures.NAMES.toArray(new String[0]),
                    VerdictFeatures.LAYOUT_VERSION, full.mean(), full.scale(), full.weights(), full.bias(),
                    temperature);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("head", "softmax-regression");
            config.put("features", "verdict-features-v" + VerdictFeatures.LAYOUT_VERSION);
            config.put("stance_model", o.stanceModel().toString());
            config.put("epochs", o.epochs());
            config.put("folds", 5);
            config.put("calibration", "temperature scaling on out-of-fold logits");
            config.put("anchors", ANCHORS_PER_SCENARIO + " synthetic clear-cut examples per scenario (TRUE, FALSE, "
                    + "PARTIALLY_TRUE, UNVERIFIABLE), training only");
            config.put("label_map", "SUPPORTS>TRUE, REFUTES>FALSE, NOT_ENOUGH_INFO>UNVERIFIABLE, "
                    + "DISPUTED>PARTIALLY_TRUE");
            ModelCard card = new ModelCard(o.id(), "verdict", LocalDate.now().toString(), o.command(), o.seed(),
                    encoder.modelRef().id(), encoder.modelRef().sha256(), config,
                    List.of(DataFiles.ref(file, items.size(), "train+cv")), metrics, Map.of(),
                    "Softmax regression over aggregated stance and retrieval features, 6-grade scale, trained on "
                            + "CLIMATE-FEVER (4 of the 6 grades occur there). A first version: the calibrated "
                            + "verdict issue replaces it.");
            ModelCard written = ModelStore.write(o.out(), card, Map.of("model.json", ModelStore.toJson(model)));
            log.println("wrote " + o.out());
            return written;
        }
    }

    static Map<String, Double> features(ClimateFever.Item it, EmbeddingStanceClassifier stance, EmbeddingTable emb) {
        float[] cv = emb.get(it.claim());
        TextFeatures ct = TextFeatures.of(it.claim());
        List<Evidence> ev = new ArrayList<>();
        for (int j = 0; j < it.evidence().size(); j++) {
            ClimateFever.Evidence e = it.evidence().get(j);
            float[] ev2 = emb.get(e.text());
            StanceResult r = stance.classify(cv, ct, ev2, TextFeatures.of(e.text()));
            double sim = io.claimlens.embed.SentenceEncoder.cosine(cv, ev2);
            Sentence s = new Sentence(e.article(), j, 0, Span.of(0, e.text().length()), e.text());
            ev.add(new Evidence(s, e.article(), 0, sim, j, r, null));
        }
        ev.sort(Comparator.comparingDouble((Evidence e) -> -e.similarity()));
        Claim claim = new Claim(it.claim(), it.claim(), List.of(), null, false, List.of(), ClaimType.FACTUAL);
        return VerdictFeatures.compute(claim, ev, List.of());
    }

    static final int ANCHORS_PER_SCENARIO = 60;

    static SoftmaxRegression trainWithAnchors(double[][] x, int[] y, List<VerdictAnchors.Anchor> anchors, int k,
                                              SoftmaxRegression.Options opts) {
        double[][] xa = java.util.Arrays.copyOf(x, x.length + anchors.size());
        int[] ya = java.util.Arrays.copyOf(y, y.length + anchors.size());
        for (int i = 0; i < anchors.size(); i++) {
            xa[x.length + i] = anchors.get(i).features();
            ya[y.length + i] = anchors.get(i).label();
        }
        return SoftmaxRegression.train(xa, ya, k, opts);
    }

    static int[] folds(int n, int k, long seed) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(idx), new Random(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[idx[i]] = i % k;
        }
        return fold;
    }

    static double[][] select(double[][] x, List<Integer> rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = x[rows.get(i)];
        }
        return out;
    }

    static int[] select(int[] y, List<Integer> rows) {
        int[] out = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = y[rows.get(i)];
        }
        return out;
    }
}
