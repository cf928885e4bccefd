package io.claimlens.engine;

import io.claimlens.model.InputProblem;

/**
 * Progress and problems while a collection is indexed. Called from the indexing thread(s); implementations must be
 * thread-safe when indexing runs in parallel.
 */
public interface IndexListener {

    /** An article was analysed and indexed ({@code added} false when it was already indexed unchanged). */
    default void indexed(String articleId, boolean added) {
    }

    /** An article, file or line could not be used. */
    default void problem(InputProblem problem) {
    }

    /**
     * An article was indexed, but something about it was changed to make that possible (a sentence over the length
     * cap was split); the article is not a problem and is not counted as one.
     */
    default void notice(InputProblem notice) {
    }

    IndexListener NONE = new IndexListener() {
    };
}
