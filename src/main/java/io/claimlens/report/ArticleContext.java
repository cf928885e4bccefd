package io.claimlens.report;

import io.claimlens.model.Attribution;
import io.claimlens.model.Evidence;
import io.claimlens.model.Report;
import io.claimlens.model.Sentence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The article sentences around a report's evidence and attributed quotations, so a reader sees each cited sentence
 * where it stands in its article.
 *
 * <p>The report stage never sees the index: whoever holds the collection builds this value, e.g.
 * {@code ArticleContext.of(report, corpus::sentencesOf, ArticleContext.DEFAULT_WINDOW)}, and passes it to the
 * renderer. Only the sentences within {@code window} of a cited one are kept, so a context stays small.
 *
 * @param sentences article id to the kept sentences of that article, ordered by sentence index
 */
public record ArticleContext(Map<String, List<Sentence>> sentences) {

    /** Sentences kept on each side of a cited sentence. */
    public static final int DEFAULT_WINDOW = 1;

    private static final ArticleContext NONE = new ArticleContext(Map.of());

    public ArticleContext {
        Map<String, List<Sentence>> copy = new LinkedHashMap<>();
        sentences.forEach((id, list) -> copy.put(id, list.stream()
                .sorted(Comparator.comparingInt(Sentence::index)).toList()));
        sentences = java.util.Collections.unmodifiableMap(copy);
    }

    /** No context: renderers show the cited sentences alone. */
    public static ArticleContext none() {
        return NONE;
    }

    /**
     * The sentences within {@code window} of each evidence sentence and each attributed quotation of {@code report}.
     *
     * @param sentencesOf all sentences of an article by id (e.g. {@code Corpus::sentencesOf}); called once per cited
     *                    article
     * @param window      sentences to keep on each side, {@code >= 0}
     */
    public static ArticleContext of(Report report, Function<String, List<Sentence>> sentencesOf, int window) {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0: " + window);
        }
        Map<String, TreeSet<Integer>> wanted = new LinkedHashMap<>();
        for (Evidence e : report.evidence()) {
            wanted.computeIfAbsent(e.articleId(), k -> new TreeSet<>()).add(e.sentence().index());
        }
        for (Attribution a : report.attributions()) {
            if (a.hasSpeaker()) {
                wanted.computeIfAbsent(a.quote().articleId(), k -> new TreeSet<>()).add(a.quote().sentence());
            }
        }
        Map<String, List<Sentence>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, TreeSet<Integer>> w : wanted.entrySet()) {
            List<Sentence> all = sentencesOf.apply(w.getKey());
            if (all == null) {
                continue;
            }
            List<Sentence> near = new ArrayList<>();
            for (Sentence s : all) {
                Integer below = w.getValue().floor(s.index() + window);
                if (below != null && below >= s.index() - window) {
                    near.add(s);
                }
            }
            kept.put(w.getKey(), near);
        }
        return new ArticleContext(kept);
    }

    /** The kept sentences of an article, by index; empty when there are none. */
    public List<Sentence> of(String articleId) {
        return sentences.getOrDefault(articleId, List.of());
    }
}
