package io.claimlens.train;

import io.claimlens.datasets.CheckThat;
import io.claimlens.datasets.ClaimBuster;
import io.claimlens.datasets.DataFiles;
import io.claimlens.ml.ModelCard;
import io.claimlens.model.ContentHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The check-worthiness data, read in place and made leak-free.
 *
 * <p>Sources: CheckThat! 2019 task 1 training, CheckThat! 2020 task 5 v2.0 training, ClaimBuster
 * {@code kfold_25ncs.csv}. Held out: the 2019 {@code test_annotated} and 2020 {@code test-gold} files, which are
 * never trained on. Rules, applied in this order:
 * <ol>
 *   <li><b>Test debates inside training files.</b> A training transcript is the same debate as a test transcript
 *       when at least half of its distinct sentences of 6+ words occur in that test file; it is dropped. (Two
 *       2020 training files are 2019 test debates: {@code 20160311_GOP_miami} and {@code 20181015_60_min}.)</li>
 *   <li><b>Debates in both editions.</b> A 2019 training transcript that is the same debate as a 2020 training
 *       transcript (same rule) is dropped in favour of the 2020 v2.0 file, whose labels are the updated
 *       ones. One edition's label is thus used for every recurring debate.</li>
 *   <li><b>Test sentences.</b> Any remaining training sentence (CheckThat! or ClaimBuster) of 6 or more words
 *       whose normalised text (lower case, non-word runs as one space) equals a test sentence is dropped: stump
 *       speeches repeat their lines, labels included. Shorter lines ("Thank you.", "(APPLAUSE)") are formulaic
 *       and kept, so that the model still learns what they are.</li>
 * </ol>
 * Cross-validation: the remaining CheckThat! transcripts are dealt into {@link #FOLDS} folds (whole transcripts,
 * seeded), ClaimBuster into as many stratified folds; fold k of both is held out together.
 */
public final class CheckworthinessData {

    /** One labelled sentence: {@code group} is its transcript (CheckThat!) or "claimbuster". */
    public record Example(String text, int label, String source, String group) {
    }

    /**
     * Everything a trainer or benchmark needs, with the decisions taken.
     *
     * @param transcripts     the de-duplicated CheckThat! training transcripts, by date
     * @param transcriptFold  cross-validation fold of each transcript (seeded shuffle, dealt round-robin)
     * @param claimBuster     the ClaimBuster sentences kept
     * @param claimBusterFold cross-validation fold of each (seeded, stratified by label)
     * @param test2019        CheckThat! 2019 test transcripts (never trained on)
     * @param test2020        CheckThat! 2020 test transcripts (never trained on)
     * @param decisions       what was dropped and why, in words
     * @param refs            the data files with their hashes, for the model card
     */
    public record Assembled(List<CheckThat.Debate> transcripts, int[] transcriptFold,
                            List<ClaimBuster.Sentence> claimBuster, int[] claimBusterFold,
                            List<CheckThat.Debate> test2019, List<CheckThat.Debate> test2020,
                            List<String> decisions, List<ModelCard.DataRef> refs) {

        /**
         * The same data dealt into folds with another seed (for repeated cross-validation); {@code
         * withFolds(seed)} of the seed it was assembled with gives the same folds.
         */
        public Assembled withFolds(long seed) {
            return new Assembled(transcripts, transcriptFolds(transcripts.size(), seed), claimBuster,
                    claimBusterFolds(claimBuster, seed), test2019, test2020, decisions, refs);
        }
    }

    /** Cross-validation folds. */
    public static final int FOLDS = 5;

    public static final String TRAIN_2019 = "checkthat2019-task1/data/training";
    public static final String TEST_2019 = "checkthat2019-task1/data/test_annotated";
    public static final String TRAIN_2020 = "checkthat2020-task5/v2.0/training";
    public static final String TEST_2020 = "checkthat2020-task5/test-gold";
    public static final String CLAIMBUSTER = "claimbuster/kfold_25ncs.csv";

    private CheckworthinessData() {
    }

    /** Reads and de-duplicates everything under {@code root} (the datasets folder). */
    public static Assembled assemble(Path root, long seed) throws IOException {
        List<CheckThat.Debate> train2019 = CheckThat.readDirectory(root.resolve(TRAIN_2019));
        List<CheckThat.Debate> train2020 = CheckThat.readDirectory(root.resolve(TRAIN_2020));
        List<CheckThat.Debate> test2019 = CheckThat.readDirectory(root.resolve(TEST_2019));
        List<CheckThat.Debate> test2020 = CheckThat.readDirectory(root.resolve(TEST_2020));
        List<ClaimBuster.Sentence> cb = ClaimBuster.read(root.resolve(CLAIMBUSTER));
        List<String> decisions = new ArrayList<>();

        List<CheckThat.Debate> tests = new ArrayList<>(test2019);
        tests.addAll(test2020);
        List<CheckThat.Debate> kept2020 = new ArrayList<>();
        for (CheckThat.Debate d : train2020) {
            CheckThat.Debate same = sameDebate(d, tests);
            if (same != null) {
                decisions.add("dropped 2020 training file " + d.name() + ": it is test debate " + same.name());
            } else {
                kept2020.add(d);
            }
        }
        List<CheckThat.Debate> kept2019 = new ArrayList<>();
        for (CheckThat.Debate d : train2019) {
            CheckThat.Debate test = sameDebate(d, tests);
            CheckThat.Debate newer = sameDebate(d, kept2020);
            if (test != null) {
                decisions.add("dropped 2019 training file " + d.name() + ": it is test debate " + test.name());
            } else if (newer != null) {
                decisions.add("dropped 2019 training file " + d.name() + ": same debate as 2020 v2.0 file "
                        + newer.name() + " (2020 labels kept)");
            } else {
                kept2019.add(d);
            }
        }
        Set<String> testTexts = new HashSet<>();
        for (CheckThat.Debate d : tests) {
            testTexts.addAll(longSentences(d));
        }
        int[] leaked = new int[1];
        List<CheckThat.Debate> all = new ArrayList<>();
        for (CheckThat.Debate d : concat(kept2019, kept2020)) {
            List<CheckThat.Line> lines = d.lines().stream().filter(l -> {
                boolean leak = isLong(normalise(l.text())) && testTexts.contains(normalise(l.text()));
                leaked[0] += leak ? 1 : 0;
                return !leak;
            }).toList();
            all.add(new CheckThat.Debate(d.name(), d.file(), lines));
        }
        List<ClaimBuster.Sentence> cbKept = new ArrayList<>();
        int cbLeaked = 0;
        for (ClaimBuster.Sentence s : cb) {
            if (isLong(normalise(s.text())) && testTexts.contains(normalise(s.text()))) {
                cbLeaked++;
            } else {
                cbKept.add(s);
            }
        }
        decisions.add("dropped " + leaked[0] + " CheckThat! training sentences and " + cbLeaked
                + " ClaimBuster sentences of 6+ words whose normalised text occurs in a test file");

        all.sort(Comparator.comparing(CheckThat.Debate::date).thenComparing(CheckThat.Debate::name));
        int[] transcriptFold = transcriptFolds(all.size(), seed);
        decisions.add(all.size() + " CheckThat! training transcripts in " + FOLDS + " cross-validation folds "
                + "(seeded shuffle); ClaimBuster in " + FOLDS + " stratified folds");
        int[] folds = claimBusterFolds(cbKept, seed);

        List<ModelCard.DataRef> refs = new ArrayList<>();
        refs.add(folderRef(root.resolve(TRAIN_2019), count(kept2019), "train (" + kept2019.size() + " of "
                + train2019.size() + " files)"));
        refs.add(folderRef(root.resolve(TRAIN_2020), count(kept2020), "train (" + kept2020.size() + " of "
                + train2020.size() + " files)"));
        refs.add(DataFiles.ref(root.resolve(CLAIMBUSTER), cbKept.size(), "train"));
        refs.add(folderRef(root.resolve(TEST_2019), count(test2019), "test"));
        refs.add(folderRef(root.resolve(TEST_2020), count(test2020), "test"));
        return new Assembled(List.copyOf(all), transcriptFold, List.copyOf(cbKept), folds, test2019, test2020,
                List.copyOf(decisions), List.copyOf(refs));
    }

    /** Fold of each ClaimBuster sentence: stratified by label, seeded. */
    static int[] claimBusterFolds(List<ClaimBuster.Sentence> sentences, long seed) {
        return stratifiedFolds(sentences.stream().mapToInt(ClaimBuster.Sentence::label).toArray(), FOLDS, seed);
    }

    /** Fold of each of {@code n} transcripts: a seeded shuffle dealt round-robin. */
    static int[] transcriptFolds(int n, long seed) {
        int[] transcriptFold = new int[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        for (int i = 0; i < order.size(); i++) {
            transcriptFold[order.get(i)] = i % FOLDS;
        }
        return transcriptFold;
    }

    /** The test transcripts of one edition, for benchmarks. */
    public static List<CheckThat.Debate> test(Path root, String edition) throws IOException {
        return switch (edition) {
            case "checkthat2019" -> CheckThat.readDirectory(root.resolve(TEST_2019));
            case "checkthat2020" -> CheckThat.readDirectory(root.resolve(TEST_2020));
            default -> throw new IllegalArgumentException("unknown CheckThat! edition " + edition);
        };
    }

    /** The other transcript that is the same debate as {@code d}, or null. */
    static CheckThat.Debate sameDebate(CheckThat.Debate d, List<CheckThat.Debate> others) {
        Set<String> mine = longSentences(d);
        if (mine.isEmpty()) {
            return null;
        }
        for (CheckThat.Debate o : others) {
            Set<String> theirs = longSentences(o);
            int shared = 0;
            for (String s : mine) {
                if (theirs.contains(s)) {
                    shared++;
                }
            }
            if (shared * 2 >= mine.size()) {
                return o;
            }
        }
        return null;
    }

    /** Normalised texts of the debate's sentences of 6+ words (shorter ones are formulaic: "Thank you."). */
    private static Set<String> longSentences(CheckThat.Debate d) {
        Set<String> out = new HashSet<>();
        for (CheckThat.Line l : d.lines()) {
            String n = normalise(l.text());
            if (isLong(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean isLong(String normalised) {
        return normalised.split(" ").length >= 6;
    }

    /** Lower case, every run of non-letters/digits one space, trimmed. */
    public static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Fold 0..k-1 per item: each class shuffled (seeded) and dealt round-robin. */
    public static int[] stratifiedFolds(int[] labels, int k, long seed) {
        int[] fold = new int[labels.length];
        Random rnd = new Random(seed);
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    idx.add(i);
                }
            }
            Collections.shuffle(idx, rnd);
            for (int j = 0; j < idx.size(); j++) {
                fold[idx.get(j)] = j % k;
            }
        }
        return fold;
    }

    /**
     * A folder of files as one data reference: its hash is the SHA-256 of the {@code sha256sum} listing of its
     * files in name order, i.e. {@code cd DIR && LC_ALL=C sha256sum * | sha256sum}.
     */
    static ModelCard.DataRef folderRef(Path dir, int rows, String use) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        StringBuilder listing = new StringBuilder();
        for (Path f : files) {
            listing.append(DataFiles.sha256(f)).append("  ").append(f.getFileName()).append('\n');
        }
        return new ModelCard.DataRef(dir.toString().replace('\\', '/') + "/", ContentHash.sha256Hex(
                listing.toString()), rows, use);
    }

    static int count(List<CheckThat.Debate> debates) {
        return debates.stream().mapToInt(d -> d.lines().size()).sum();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        Arrays.stream(lists).forEach(out::addAll);
        return out;
    }

    /** Per-source counts, for logs. */
    static Map<String, int[]> summary(List<Example> examples) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (Example e : examples) {
            int[] c = m.computeIfAbsent(e.source(), k -> new int[2]);
            c[0]++;
            c[1] += e.label();
        }
        return m;
    }
}
