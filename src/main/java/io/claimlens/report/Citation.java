package io.claimlens.report;

import io.claimlens.model.Report;
import io.claimlens.model.Span;

/** How reports cite a place in an article: {@code [article-id:start-end]}. */
final class Citation {

    private Citation() {
    }

    static String of(String articleId, Span span) {
        return "[" + articleId + ":" + span.start() + "-" + span.end() + "]";
    }

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
}
