package io.claimlens.cli;

import io.claimlens.engine.IndexListener;
import io.claimlens.model.InputProblem;

/**
 * How the CLI shows indexing: a progress step per article, skipped inputs and notes on stderr. Thread-safe as
 * {@link Progress} and {@code System.err} are.
 */
final class ConsoleIndexListener implements IndexListener {

    private final Progress progress;

    ConsoleIndexListener(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void indexed(String articleId, boolean added) {
        progress.step();
    }

    @Override
    public void problem(InputProblem problem) {
        System.err.println("skipped: " + problem.describe());
    }

    @Override
    public void notice(InputProblem notice) {
        System.err.println("note: " + notice.describe());
    }
}
