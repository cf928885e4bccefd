package io.claimlens.train;

import io.claimlens.datasets.Averitec;
import io.claimlens.datasets.ClimateFever;
import io.claimlens.datasets.Liar;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Evidence;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.StanceResult;
import io.claimlens.model.VerdictLabel;
import io.claimlens.retrieve.Corpus;
import io.claimlens.stance.EmbeddingStanceClassifier;
import io.claimlens.stance.StanceClassifier;
import io.claimlens.stance.TextFeatures;
import io.claimlens.verdict.VerdictFeatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verdict training and benchmark rows: one per claim, with its feature blocks and its grade on our scale.
 *
 * <p>Label maps (documented in RESULTS.md): CLIMATE-FEVER SUPPORTS→TRUE, REFUTES→FALSE,
 * NOT_ENOUGH_INFO→UNVERIFIABLE, DISPUTED→PARTIALLY_TRUE; AVeriTeC Supported→TRUE, Refuted→FALSE, Not Enough
 * Evidence→UNVERIFIABLE, Conflicting Evidence/Cherrypicking→PARTIALLY_TRUE; LIAR true→TRUE, mostly-true→MOSTLY_TRUE,
 * half-true→PARTIALLY_TRUE, barely-true→MOSTLY_FALSE, false→FALSE, pants-fire→FALSE.
 */
public final class VerdictData {

    /**
     * One claim.
     *
     * @param evidence        {@link VerdictFeatures} values (empty when the dataset has no evidence)
     * @param claimEmbedding  the claim's sentence embedding
     * @param metadata        dataset metadata (LIAR speaker, party, ...) as a dense indicator vector, or empty
     * @param label           gold grade
     * @param sourceLabel     the dataset's own label (LIAR's pants-fire, for strict 6-way accuracy)
     * @param group           what stays on one side of a split
     */
    public record Row(double[] evidence, float[] claimEmbedding, double[] metadata, VerdictLabel label,
                      String sourceLabel, String group) {
    }

    private VerdictData() {
    }

    public static VerdictLabel climateFever(String l) {
        return switch (l) {
            case "SUPPORTS" -> VerdictLabel.TRUE;
            case "REFUTES" -> VerdictLabel.FALSE;
            case "NOT_ENOUGH_INFO" -> VerdictLabel.UNVERIFIABLE;
            case "DISPUTED" -> VerdictLabel.PARTIALLY_TRUE;
            default -> throw new IllegalArgumentException("unknown CLIMATE-FEVER label " + l);
        };
    }

    public static VerdictLabel averitec(String l) {
        return switch (l) {
            case "Supported" -> VerdictLabel.TRUE;
            case "Refuted" -> VerdictLabel.FALSE;
            case "Not Enough Evidence" -> VerdictLabel.UNVERIFIABLE;
            case "Conflicting Evidence/Cherrypicking" -> VerdictLabel.PARTIALLY_TRUE;
            default -> throw new IllegalArgumentException("unknown AVeriTeC label " + l);
        };
    }

    public static VerdictLabel liar(String l) {
        return switch (l) {
            case "true" -> VerdictLabel.TRUE;
            case "mostly-true" -> VerdictLabel.MOSTLY_TRUE;
            case "half-true" -> VerdictLabel.PARTIALLY_TRUE;
            case "barely-true" -> VerdictLabel.MOSTLY_FALSE;
            case "false", "pants-fire" -> VerdictLabel.FALSE;
            default -> throw new IllegalArgumentException("unknown LIAR label " + l);
        };
    }

    /** The stance of each evidence text toward a claim, in order (a trained stance head over some encoder). */
    @FunctionalInterface
    public interface PairStance {
        List<StanceResult> stances(String claim, List<String> evidence);
    }

    /**
     * How {@code stance} is read for verdict features: a sentence-vector head reads the vectors of {@code emb}
     * (each text embedded once for the whole data set); a head that reads more (token states) encodes each claim's
     * texts itself.
     */
    public static PairStance pairStance(StanceClassifier stance, EmbeddingTable emb) {
        if (stance instanceof EmbeddingStanceClassifier vectors) {
            return (claim, evidence) -> {
                float[] cv = emb.get(claim);
                TextFeatures ct = TextFeatures.of(claim);
                List<StanceResult> out = new ArrayList<>(evidence.size());
                for (String t : evidence) {
                    out.add(vectors.classify(cv, ct, emb.get(t), TextFeatures.of(t)));
                }
                return out;
            };
        }
        return stance::classify;
    }

    /** Evidence features of a claim against a list of evidence texts (no quotations: datasets have none). */
    static double[] evidenceFeatures(String claimText, List<String> evidenceTexts, PairStance stance,
                                     EmbeddingTable emb) {
        float[] cv = emb.get(claimText);
        List<StanceResult> stances = evidenceTexts.isEmpty() ? List.of() : stance.stances(claimText, evidenceTexts);
        List<Evidence> ev = new ArrayList<>();
        for (int j = 0; j < evidenceTexts.size(); j++) {
            String t = evidenceTexts.get(j);
            float[] v = emb.get(t);
            StanceResult r = stances.get(j);
            Sentence s = new Sentence("e" + j, 0, 0, Span.of(0, t.length()), t);
            ev.add(new Evidence(s, "e" + j, 0, SentenceEncoder.cosine(cv, v), j, r, null));
        }
        ev.sort(Comparator.comparingDouble((Evidence e) -> -e.similarity()));
        Claim claim = new Claim(claimText, claimText, List.of(), null, false, List.of(), ClaimType.FACTUAL);
        return VerdictFeatures.vector(VerdictFeatures.compute(claim, ev, List.of()));
    }

    public static List<Row> climateFever(List<ClimateFever.Item> items, PairStance stance,
                                         EmbeddingTable emb) {
        List<Row> out = new ArrayList<>();
        for (ClimateFever.Item it : items) {
            List<String> ev = it.evidence().stream().map(ClimateFever.Evidence::text).toList();
            out.add(new Row(evidenceFeatures(it.claim(), ev, stance, emb), emb.get(it.claim()), new double[0],
                    climateFever(it.label()), it.label(), "cf-" + it.id()));
        }
        return out;
    }

    public static List<Row> averitec(List<Averitec.Item> items, PairStance stance,
                                     EmbeddingTable emb, String split) {
        List<Row> out = new ArrayList<>();
        for (Averitec.Item it : items) {
            out.add(new Row(evidenceFeatures(it.claim(), it.evidence(), stance, emb), emb.get(it.claim()),
                    answerShape(it.answers()), averitec(it.label()), it.label(),
                    "averitec-" + split + "-" + it.index()));
        }
        return out;
    }

    /** Names of {@link #answerShape}'s features, in order. */
    public static final List<String> ANSWER_SHAPE_NAMES = List.of("log_questions", "log_answers",
            "unanswerable_share", "any_unanswerable", "all_unanswerable", "yes_share", "no_share", "yes_and_no",
            "yes_minus_no", "boolean_share", "abstractive_share", "extractive_share");

    /**
     * An AVeriTeC claim's answer shape as the metadata block: how many questions it took, and what share of the
     * answers were unanswerable, yes, no, abstractive or extractive. Shares, so that a long check and a short one
     * read alike; the counts enter as logarithms.
     */
    public static double[] answerShape(Averitec.AnswerShape a) {
        double n = Math.max(1, a.answers());
        return new double[] {
            Math.log1p(a.questions()), Math.log1p(a.answers()),
            a.unanswerable() / n, a.unanswerable() > 0 ? 1 : 0,
            a.answers() > 0 && a.unanswerable() == a.answers() ? 1 : 0,
            a.booleanYes() / n, a.booleanNo() / n, a.booleanYes() > 0 && a.booleanNo() > 0 ? 1 : 0,
            (a.booleanYes() - a.booleanNo()) / n,
            (a.booleanYes() + a.booleanNo() + a.booleanOther()) / n, a.abstractive() / n, a.extractive() / n,
        };
    }

    /**
     * LIAR metadata as indicators over a vocabulary built from the training split only: party, state, speaker
     * (the 300 most frequent), job (100), subjects (100, several per statement) and context (100).
     */
    public static final class LiarVocabulary {
        private final Map<String, Integer> index = new LinkedHashMap<>();

        public static LiarVocabulary build(List<Liar.Item> train) {
            LiarVocabulary v = new LiarVocabulary();
            v.addTop("party", train.stream().map(Liar.Item::party).toList(), 30);
            v.addTop("state", train.stream().map(Liar.Item::state).toList(), 60);
            v.addTop("speaker", train.stream().map(Liar.Item::speaker).toList(), 300);
            v.addTop("job", train.stream().map(Liar.Item::job).toList(), 100);
            List<String> subjects = new ArrayList<>();
            train.forEach(i -> subjects.addAll(splitSubjects(i.subjects())));
            v.addTop("subject", subjects, 100);
            v.addTop("context", train.stream().map(i -> normalizeContext(i.context())).toList(), 100);
            return v;
        }

        private void addTop(String field, List<String> values, int k) {
            Map<String, Integer> counts = new TreeMap<>();
            for (String s : values) {
                String key = norm(s);
                if (!key.isEmpty()) {
                    counts.merge(key, 1, Integer::sum);
                }
            }
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(k)
                    .forEach(e -> index.put(field + "=" + e.getKey(), index.size()));
            index.put(field + "=<other>", index.size());
        }

        public int size() {
            return index.size();
        }

        public Map<String, Integer> asMap() {
            return index;
        }

        double[] vector(Liar.Item it) {
            double[] x = new double[index.size()];
            set(x, "party", it.party());
            set(x, "state", it.state());
            set(x, "speaker", it.speaker());
            set(x, "job", it.job());
            for (String s : splitSubjects(it.subjects())) {
                set(x, "subject", s);
            }
            set(x, "context", normalizeContext(it.context()));
            return x;
        }

        private void set(double[] x, String field, String value) {
            Integer i = index.get(field + "=" + norm(value));
            if (i == null) {
                i = index.get(field + "=<other>");
            }
            x[i] = 1;
        }

        private static List<String> splitSubjects(String s) {
            List<String> out = new ArrayList<>();
            for (String x : s.split(",")) {
                if (!x.isBlank()) {
                    out.add(x.strip());
                }
            }
            return out;
        }

        /** "a speech", "speech in Ohio" → "speech": the last word of the context's head noun phrase. */
        private static String normalizeContext(String s) {
            String x = norm(s).replaceAll("^(a|an|the)\\s+", "");
            String[] w = x.split("\\s+(in|at|on|to|for|with|during)\\s+");
            return w.length == 0 ? "" : w[0];
        }

        private static String norm(String s) {
            return s == null ? "" : s.toLowerCase(Locale.ROOT).strip();
        }
    }

    public static List<Row> liar(List<Liar.Item> items, LiarVocabulary vocab, EmbeddingTable emb) {
        List<Row> out = new ArrayList<>();
        for (Liar.Item it : items) {
            out.add(new Row(new double[0], emb.get(it.statement()), vocab.vector(it), liar(it.label()), it.label(),
                    "liar-" + it.id()));
        }
        return out;
    }

    /** One graded claim of {@code training-data/verdict/scenarios.tsv}. */
    public record Scenario(String claim, VerdictLabel grade, String why) {
    }

    public static List<Scenario> readScenarios(Path tsv) throws IOException {
        List<Scenario> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split("\t");
            if (c.length >= 2) {
                out.add(new Scenario(c[0], VerdictLabel.valueOf(c[1].strip()), c.length > 2 ? c[2] : ""));
            }
        }
        return out;
    }

    /** Scenario rows: each claim checked by the real engine against the scenario collection. */
    public static List<Row> scenarios(List<Scenario> scenarios, ClaimEngine engine, Corpus corpus, EmbeddingTable emb) {
        List<Row> out = new ArrayList<>();
        int i = 0;
        for (Scenario s : scenarios) {
            ClaimEngine.Gathered g = engine.gather(s.claim(), corpus);
            double[] x = VerdictFeatures.vector(VerdictFeatures.compute(g.claim(), g.evidence(), g.quotes()));
            out.add(new Row(x, emb.get(s.claim()), new double[0], s.grade(), s.grade().name(), "scenario-" + i++));
        }
        return out;
    }
}
