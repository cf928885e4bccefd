package io.claimlens.report;

import java.util.Objects;

/**
 * What a renderer shows besides the report itself. Immutable; build with {@link #builder()} (every setting is
 * optional: {@code RenderOptions.defaults()} renders the report with its provenance and nothing else).
 *
 * @param provenance  show the provenance (engine version, models, configuration, corpus checksum, run time);
 *                    {@code false} is {@code --strip-provenance}
 * @param context     article sentences around the cited ones (HTML shows evidence in context)
 * @param reliability the verdict model's calibration note, or {@code null} to leave it out
 * @param run         when the run started and how long it took, or {@code null}; shown only with provenance
 * @param indexHref   relative link from a claim page back to its batch index, or {@code null}
 */
public record RenderOptions(boolean provenance, ArticleContext context, Reliability reliability, RunInfo run,
                            String indexHref) {

    public RenderOptions {
        Objects.requireNonNull(context, "context");
    }

    public static RenderOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same options with another context (a batch renders many reports with one set of options). */
    public RenderOptions withContext(ArticleContext c) {
        return new RenderOptions(provenance, c, reliability, run, indexHref);
    }

    RenderOptions withIndexHref(String href) {
        return new RenderOptions(provenance, context, reliability, run, href);
    }

    /** The run time, if it is to be shown: never without provenance. */
    RunInfo shownRun() {
        return provenance ? run : null;
    }

    /** Builder; all settings optional. */
    public static final class Builder {
        private boolean provenance = true;
        private ArticleContext context = ArticleContext.none();
        private Reliability reliability;
        private RunInfo run;
        private String indexHref;

        public Builder optProvenance(boolean show) {
            this.provenance = show;
            return this;
        }

        public Builder optContext(ArticleContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        public Builder optReliability(Reliability reliability) {
            this.reliability = reliability;
            return this;
        }

        public Builder optRun(RunInfo run) {
            this.run = run;
            return this;
        }

        public Builder optIndexHref(String href) {
            this.indexHref = href;
            return this;
        }

        public RenderOptions build() {
            return new RenderOptions(provenance, context, reliability, run, indexHref);
        }
    }
}
