package io.claimlens.retrieve;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.model.Claim;
import io.claimlens.model.Sentence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds evidence sentences for a claim: BM25 over the corpus (claim text, plus its quoted phrases as boosted
 * phrase queries), then a re-rank of the top candidates by embedding cosine to the claim's proposition.
 *
 * <p>Two kinds of hit are dropped, because they are not evidence: exact duplicates of a better-ranked sentence
 * (syndicated copies count once), and sentences that restate the claim under review word for word while speaking
 * of it as a claim (a fact-check quoting the claim it checks).
 *
 * <p>Thread-safe.
 */
public final class EvidenceRetriever {

    private final SentenceEncoder encoder;
    private final RetrievalConfig config;

    public EvidenceRetriever(SentenceEncoder encoder, RetrievalConfig config) {
        this.encoder = encoder;
        this.config = config;
    }

    /** A retrieved sentence with its scores. */
    public record Candidate(Sentence sentence, double bm25, double similarity, double score) {
    }

    public List<Candidate> retrieve(Corpus corpus, Claim claim) {
        List<Corpus.SentenceHit> hits = corpus.searchSentences(claim.text(), claim.quotedPhrases(),
                config.candidates());
        if (hits.isEmpty()) {
            return List.of();
        }
        String normalizedProposition = normalize(claim.proposition());
        List<Corpus.SentenceHit> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Corpus.SentenceHit h : hits) {
            String n = normalize(h.sentence().text());
            if (!seen.add(n)) {
                continue;
            }
            if (restatesClaim(n, normalizedProposition)) {
                continue;
            }
            kept.add(h);
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(kept.size() + 1);
        texts.add(claim.proposition());
        for (Corpus.SentenceHit h : kept) {
            texts.add(h.sentence().text());
        }
        float[][] v = encoder.encode(texts);
        double maxBm25 = kept.get(0).score();
        for (Corpus.SentenceHit h : kept) {
            maxBm25 = Math.max(maxBm25, h.score());
        }
        double w = config.similarityWeight();
        List<Candidate> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Corpus.SentenceHit h = kept.get(i);
            double cos = SentenceEncoder.cosine(v[0], v[i + 1]);
            double score = w * cos + (1 - w) * (maxBm25 > 0 ? h.score() / maxBm25 : 0);
            out.add(new Candidate(h.sentence(), h.score(), cos, score));
        }
        out.sort(Comparator.comparingDouble((Candidate c) -> -c.score())
                .thenComparing(c -> c.sentence().articleId())
                .thenComparingInt(c -> c.sentence().index()));
        return out.size() > config.evidence() ? List.copyOf(out.subList(0, config.evidence())) : out;
    }

    /** Lower case, letters and digits only, single spaces. */
    static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }

    private static final java.util.regex.Pattern META = java.util.regex.Pattern.compile(
            "\\b(claim|claims|claimed|fact check|fact checks|rumou?r|rated|verdict)\\b");

    /**
     * True when the sentence talks about the claim rather than the world: it contains the whole proposition (of
     * five words or more) verbatim and also speaks of a claim, a fact check, a rumour or a rating ("Fact Check:
     * ...", "The claim that ... is true").
     */
    static boolean restatesClaim(String normalizedSentence, String normalizedProposition) {
        return normalizedProposition.split(" ").length >= 5
                && (" " + normalizedSentence + " ").contains(" " + normalizedProposition + " ")
                && META.matcher(normalizedSentence).find();
    }
}
