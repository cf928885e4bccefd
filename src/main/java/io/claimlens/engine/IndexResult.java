package io.claimlens.engine;

import io.claimlens.model.InputProblem;
import io.claimlens.retrieve.Corpus;

import java.util.List;

/**
 * The outcome of indexing a collection.
 *
 * @param corpus   the searchable corpus (close it when done)
 * @param indexed  articles analysed and added in this run
 * @param skipped  articles already indexed unchanged
 * @param problems everything that could not be used, with file/line/field
 */
public record IndexResult(Corpus corpus, int indexed, int skipped, List<InputProblem> problems) {

    public IndexResult {
        problems = List.copyOf(problems);
    }
}
