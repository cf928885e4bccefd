package io.claimlens.ingest;

import io.claimlens.model.Article;
import io.claimlens.model.InputProblem;

/** One item read from a collection: an article, or the problem that kept one from being read. */
public sealed interface Ingested {

    record Read(Article article) implements Ingested {
    }

    record Rejected(InputProblem problem) implements Ingested {
    }
}
