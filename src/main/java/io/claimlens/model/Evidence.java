package io.claimlens.model;

/**
 * One evidence sentence retrieved for a claim, with its stance.
 *
 * @param sentence       the sentence (article id, offsets and text)
 * @param source         the outlet or origin of its article, for citation
 * @param retrievalScore lexical (BM25) score
 * @param similarity     embedding cosine similarity to the claim, in [-1, 1]
 * @param rank           0-based rank after re-ranking
 * @param stance         stance toward the claim
 * @param attribution    the attribution of a quotation in this sentence that matches the claim, or {@code null}
 */
public record Evidence(Sentence sentence, String source, double retrievalScore, double similarity, int rank,
                       StanceResult stance, Attribution attribution) {

    public String articleId() {
        return sentence.articleId();
    }
}
