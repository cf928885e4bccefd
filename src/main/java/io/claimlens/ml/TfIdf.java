package io.claimlens.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classic baseline's features: TF-IDF over word unigrams and bigrams, fitted on training texts only.
 *
 * <p>Used by the check-worthiness benchmark's baseline and by {@code train.BagOfWordsHead}.
 *
 * <p>Tokens are lower-cased runs of letters and digits (an apostrophe inside a word kept: "don't"). The
 * vocabulary is every uni- and bigram in at least {@code minDf} training texts; idf = ln((1 + N) / (1 + df)) + 1
 * (the smoothed form); term frequency is sublinear (1 + ln tf); rows are L2-normalised. Immutable after fitting.
 */
public final class TfIdf {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private final Map<String, Integer> vocabulary;
    private final double[] idf;

    private TfIdf(Map<String, Integer> vocabulary, double[] idf) {
        this.vocabulary = vocabulary;
        this.idf = idf;
    }

    static List<String> terms(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            tokens.add(m.group());
        }
        List<String> out = new ArrayList<>(tokens);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            out.add(tokens.get(i) + " " + tokens.get(i + 1));
        }
        return out;
    }

    public static TfIdf fit(List<String> texts, int minDf) {
        Map<String, Integer> df = new TreeMap<>();
        for (String t : texts) {
            for (String term : new TreeSet<>(terms(t))) {
                df.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Integer> vocab = new HashMap<>();
        List<Double> idf = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) { // sorted: stable indices
            if (e.getValue() >= minDf) {
                vocab.put(e.getKey(), vocab.size());
                idf.add(Math.log((1.0 + texts.size()) / (1.0 + e.getValue())) + 1);
            }
        }
        return new TfIdf(vocab, idf.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public int size() {
        return idf.length;
    }

    public SparseLogisticRegression.Row transform(String text) {
        Map<Integer, Integer> tf = new TreeMap<>();
        for (String term : terms(text)) {
            Integer i = vocabulary.get(term);
            if (i != null) {
                tf.merge(i, 1, Integer::sum);
            }
        }
        int[] idx = new int[tf.size()];
        double[] val = new double[tf.size()];
        int k = 0;
        double norm = 0;
        for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
            idx[k] = e.getKey();
            val[k] = (1 + Math.log(e.getValue())) * idf[e.getKey()];
            norm += val[k] * val[k];
            k++;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < val.length; i++) {
                val[i] /= norm;
            }
        }
        return new SparseLogisticRegression.Row(idx, val);
    }
}
