package io.claimlens.batch;

import io.claimlens.model.InputProblem;

/**
 * What a batch run tells its caller while it works: phases, progress and problems. Called from several threads;
 * implementations must be thread-safe.
 */
public interface BatchListener {

    /** A phase begins: "index" (articles) or "check" (claims); {@code total} is -1 while unknown. */
    default void phase(String name, long total) {
    }

    /** The total of the current phase became known (counted in the background). */
    default void total(long total) {
    }

    /** One more item of the current phase is done. */
    default void step() {
    }

    /** An article or claim could not be used; it is also in errors.jsonl. */
    default void problem(InputProblem problem) {
    }

    /** A line worth telling the user (recovery on resume, summaries). */
    default void note(String message) {
    }

    BatchListener NONE = new BatchListener() {
    };
}
