package io.claimlens.report;

import io.claimlens.model.ModelRef;
import io.claimlens.model.Report;
import io.claimlens.model.VerdictLabel;

import java.util.Locale;
import java.util.Map;

/** Renders a report as Markdown in the fact-checker's sections: What We Know, Analysis, Conclusion, Sources. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The report with or without its provenance footer, and nothing else (no reliability note, no run time). */
    public static String render(Report r, boolean withProvenance) {
        return render(r, RenderOptions.builder().optProvenance(withProvenance).build());
    }

    /**
     * The report, with the reliability note when {@code options} has one, and a provenance footer (with the run
     * time when given) unless provenance is off. The article context is not used: Markdown cites spans instead.
     */
    public static String render(Report r, RenderOptions options) {
        boolean withProvenance = options.provenance();
        Explanation x = Explanation.of(r);
        StringBuilder sb = new StringBuilder();
        sb.append("# Fact check: \u201C").append(r.claim().text()).append("\u201D\n\n");
        sb.append(String.format(Locale.ROOT, "**Verdict: %s** (probability %.0f%%)%n%n",
                r.verdict().label().alternateName(), 100 * r.verdict().confidence()));
        sb.append("| grade | probability |\n|---|---|\n");
        for (VerdictLabel l : VerdictLabel.values()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", l.alternateName(),
                    100 * r.verdict().probabilities().get(l)));
        }
        sb.append("\n## What We Know\n\n");
        for (String s : x.whatWeKnow()) {
            sb.append("- ").append(s).append('\n');
        }
        sb.append("\n## Analysis\n\n");
        for (String s : x.analysis()) {
            sb.append(s).append("\n\n");
        }
        sb.append("## Conclusion\n\n").append(x.conclusion()).append("\n\n");
        if (options.reliability() != null) {
            sb.append("*How reliable the probabilities are:* ").append(options.reliability().describe())
                    .append("\n\n");
        }
        sb.append("## Sources\n\n");
        for (Report.SourceRef s : r.articles()) {
            sb.append("- `").append(s.id()).append("` ").append(Citation.label(s));
            if (s.url() != null) {
                sb.append(" <").append(s.url()).append('>');
            }
            if (s.origin() != null && !s.origin().equals(Citation.label(s))) {
                sb.append(" (").append(s.origin()).append(')');
            }
            sb.append('\n');
        }
        if (withProvenance) {
            sb.append("\n---\n\n<sub>ClaimLens ").append(r.provenance().engineVersion()).append(" · corpus `")
                    .append(r.provenance().corpusChecksum(), 0, 16).append("…` (")
                    .append(r.provenance().articleCount()).append(" articles) · models: ");
            boolean first = true;
            for (ModelRef m : r.provenance().models()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(m.role()).append(" ").append(m.id()).append(" `").append(m.sha256(), 0, 12).append("…`");
            }
            sb.append(" · config: ");
            first = true;
            for (Map.Entry<String, String> e : r.provenance().config().entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(e.getKey()).append('=').append(e.getValue());
            }
            if (options.shownRun() != null) {
                sb.append(" · run: ").append(options.shownRun().describe());
            }
            sb.append("</sub>\n");
        }
        return sb.toString();
    }
}
