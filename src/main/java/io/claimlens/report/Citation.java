package io.claimlens.report;

import io.claimlens.model.Report;
import io.claimlens.model.Span;

/** How reports cite a place in an article: {@code [article-id:start-end]}, and how they name an article. */
final class Citation {

    private Citation() {
    }

    static String of(String articleId, Span span) {
        return "[" + articleId + ":" + span.start() + "-" + span.end() + "]";
    }

    /** Title, else outlet, else where it was read from, else the id. */
    static String label(Report.SourceRef s) {
        if (s == null) {
            return "";
        }
        if (s.title() != null && !s.title().isBlank()) {
            return s.title();
        }
        if (s.source() != null && !s.source().isBlank()) {
            return s.source();
        }
        return s.origin() == null ? s.id() : s.origin();
    }

    /** Like {@link #label} but a file origin is shortened to its file name (and JSONL line), for prose. */
    static String shortLabel(Report.SourceRef s) {
        String l = label(s);
        if (s != null && l.equals(s.origin())) {
            int slash = Math.max(l.lastIndexOf('/'), l.lastIndexOf('\\'));
            return slash >= 0 && slash < l.length() - 1 ? l.substring(slash + 1) : l;
        }
        return l;
    }

    /** The cited article with this id, or {@code null}. */
    static Report.SourceRef source(Report r, String articleId) {
        for (Report.SourceRef s : r.articles()) {
            if (s.id().equals(articleId)) {
                return s;
            }
        }
        return null;
    }

    /** {@link #shortLabel} of an article by id, falling back to the id. */
    static String shortLabel(Report r, String articleId) {
        Report.SourceRef s = source(r, articleId);
        return s == null ? articleId : shortLabel(s);
    }
}
