package io.claimlens.train;

import io.claimlens.datasets.DataFiles;
import io.claimlens.datasets.LabeledPair;
import io.claimlens.datasets.NliData;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.ml.SoftmaxRegression;
import io.claimlens.model.StanceLabel;
import io.claimlens.stance.StanceFeatures;
import io.claimlens.stance.StanceModel;
import io.claimlens.stance.TextFeatures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the linear stance head ({@code stance-v1}) on frozen sentence embeddings.
 *
 * <p>Training data: SNLI dev, SICK train, synthetic UNRELATED pairs (a claim paired with the evidence of another,
 * randomly chosen, group), and our hand-written hard cases ({@code training-data/stance/hard-cases.tsv}, repeated
 * 5 times). Evaluation: SNLI test and SICK test, 3-way accuracy with UNRELATED folded into NEUTRAL (an unrelated
 * hypothesis neither entails nor contradicts). The same seed gives the same model bytes.
 */
public final class StanceTrainer {

    /** Training options. */
    public record Options(Path dataRoot, Path out, String id, long seed, EncoderModel encoder, int epochs,
                          Path cacheDir, String command) {
    }

    public ModelCard train(Options o, PrintStream log) throws IOException {
        Path snliDev = o.dataRoot().resolve("snli/snli_1.0_dev.jsonl.gz");
        Path snliTest = o.dataRoot().resolve("snli/snli_1.0_test.jsonl.gz");
        Path sickTrain = o.dataRoot().resolve("sick/SICK_train.txt");
        Path sickTest = o.dataRoot().resolve("sick/SICK_test_annotated.txt");
        Path hard = Path.of("training-data/stance/hard-cases.tsv");

        List<LabeledPair> snli = NliData.snli(snliDev);
        List<LabeledPair> sick = NliData.sick(sickTrain);
        List<LabeledPair> hardCases = readHardCases(hard);
        Random rnd = new Random(o.seed());
        List<LabeledPair> train = new ArrayList<>();
        train.addAll(snli);
        train.addAll(sick);
        train.addAll(unrelated(snli, snli.size() / 3, rnd));
        train.addAll(unrelated(sick, sick.size() / 3, rnd));
        for (int r = 0; r < 5; r++) {
            train.addAll(hardCases);
        }
        List<LabeledPair> testSnli = NliData.snli(snliTest);
        List<LabeledPair> testSick = NliData.sick(sickTest);
        log.printf("train pairs: %,d (snli-dev %,d, sick-train %,d, hard cases %d x5, rest unrelated)%n",
                train.size(), snli.size(), sick.size(), hardCases.size());

        EncoderConfig ec = EncoderConfig.builder().setModel(o.encoder()).build();
        try (DjlSentenceEncoder encoder = DjlSentenceEncoder.create(ec)) {
            List<String> texts = new ArrayList<>();
            for (List<LabeledPair> l : List.of(train, testSnli, testSick)) {
                for (LabeledPair p : l) {
                    texts.add(p.claim());
                    texts.add(p.evidence());
                }
            }
            EmbeddingTable emb = EmbeddingTable.build(encoder, texts, o.cacheDir(), log);
            double[][] x = features(train, emb);
            int[] y = labels(train);
            SoftmaxRegression.Options opts = SoftmaxRegression.Options.defaults(o.seed()).withEpochs(o.epochs());
            log.printf("training softmax regression on %,d x %d features, %d epochs%n", x.length, x[0].length,
                    o.epochs());
            SoftmaxRegression head = SoftmaxRegression.train(x, y, StanceLabel.values().length, opts);

            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("snli_test_accuracy", nliAccuracy(head, testSnli, emb));
            metrics.put("sick_test_accuracy", nliAccuracy(head, testSick, emb));
            metrics.put("train_accuracy", accuracy(head, x, y));
            metrics.forEach((k, v) -> log.printf("  %s = %.4f%n", k, v));

            String[] labels = Arrays.stream(StanceLabel.values()).map(Enum::name).toArray(String[]::new);
            StanceModel model = StanceModel.of(labels, encoder.dimension(), head);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("head", "softmax-regression");
            config.put("features", "stance-features-v" + StanceFeatures.LAYOUT_VERSION);
            config.put("epochs", o.epochs());
            config.put("batch_size", opts.batchSize());
            config.put("learning_rate", opts.learningRate());
            config.put("l2", opts.l2());
            config.put("unrelated_ratio", "1/3 of each NLI set");
            config.put("hard_case_repeats", 5);
            List<ModelCard.DataRef> data = List.of(
                    DataFiles.ref(snliDev, snli.size(), "train"),
                    DataFiles.ref(sickTrain, sick.size(), "train"),
                    DataFiles.ref(hard, hardCases.size(), "train"),
                    DataFiles.ref(snliTest, testSnli.size(), "test"),
                    DataFiles.ref(sickTest, testSick.size(), "test"));
            ModelCard card = new ModelCard(o.id(), "stance", LocalDate.now().toString(), o.command(), o.seed(),
                    encoder.modelRef().id(), encoder.modelRef().sha256(), config, data, metrics, Map.of(),
                    "Linear (softmax-regression) stance head over frozen " + encoder.modelRef().id()
                            + " embeddings plus lexical features (negation, numbers, overlap). Labels SUPPORTS, "
                            + "REFUTES, NEUTRAL, UNRELATED. A first, honest baseline: trained on general-domain NLI, "
                            + "it is weakest on news denials phrased without negation words.");
            ModelCard written = ModelStore.write(o.out(), card, Map.of("model.json", ModelStore.toJson(model)));
            log.println("wrote " + o.out() + " (model.json " + written.files().get("model.json") + ")");
            return written;
        }
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

    static double[][] features(List<LabeledPair> pairs, EmbeddingTable emb) {
        double[][] x = new double[pairs.size()][];
        Map<String, TextFeatures> tf = new java.util.HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            LabeledPair p = pairs.get(i);
            TextFeatures c = tf.computeIfAbsent(p.claim(), TextFeatures::of);
            TextFeatures e = tf.computeIfAbsent(p.evidence(), TextFeatures::of);
            x[i] = StanceFeatures.compute(emb.get(p.claim()), emb.get(p.evidence()), c, e);
        }
        return x;
    }

    static int[] labels(List<LabeledPair> pairs) {
        int[] y = new int[pairs.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = pairs.get(i).label().ordinal();
        }
        return y;
    }

    static double accuracy(SoftmaxRegression head, double[][] x, int[] y) {
        int ok = 0;
        for (int i = 0; i < x.length; i++) {
            if (Metrics.argmax(head.probabilities(x[i])) == y[i]) {
                ok++;
            }
        }
        return (double) ok / x.length;
    }

    /** 3-way NLI accuracy: UNRELATED probability folded into NEUTRAL. */
    public static double nliAccuracy(SoftmaxRegression head, List<LabeledPair> test, EmbeddingTable emb) {
        double[][] x = features(test, emb);
        int ok = 0;
        for (int i = 0; i < x.length; i++) {
            double[] p = head.probabilities(x[i]);
            int pred = Metrics.argmax(new double[] {p[0], p[1], p[2] + p[3]});
            if (pred == test.get(i).label().ordinal()) {
                ok++;
            }
        }
        return (double) ok / x.length;
    }

}
