package io.claimlens.retrieve;

/**
 * Typed configuration of evidence retrieval.
 *
 * @param candidates       sentences taken from BM25 before re-ranking (default 50)
 * @param evidence         sentences kept after re-ranking (default 10)
 * @param similarityWeight weight of embedding cosine in the re-rank score; the rest is BM25 scaled to the best
 *                         hit (default 0.7)
 */
public record RetrievalConfig(int candidates, int evidence, double similarityWeight) {

    public RetrievalConfig {
        if (candidates < 1 || evidence < 1 || evidence > candidates) {
            throw new IllegalArgumentException("need 1 <= evidence <= candidates");
        }
        if (similarityWeight < 0 || similarityWeight > 1) {
            throw new IllegalArgumentException("similarityWeight must be in [0, 1]");
        }
    }

    public static RetrievalConfig defaults() {
        return new RetrievalConfig(50, 10, 0.7);
    }
}
