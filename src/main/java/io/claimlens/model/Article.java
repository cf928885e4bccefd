package io.claimlens.model;

import java.util.List;
import java.util.Objects;

/**
 * One news article as read from a collection: its text and the metadata the source gave.
 *
 * <p>{@link #text()} is the exact text every offset in the engine points into. {@link #paragraphs()} are the
 * paragraph ranges the reader found (blank lines, HTML blocks, headings); sentence splitting never crosses them.
 *
 * @param id        stable identifier: the one the source gave, else a hash of the text (see {@link ContentHash})
 * @param origin    where it was read from: a file path, with {@code :line} for JSONL records
 * @param title     title if the source gave one, else {@code null}
 * @param url       URL if given, else {@code null}
 * @param published publication date as given (not parsed), else {@code null}
 * @param source    outlet name if given, else {@code null}
 * @param text      plain text
 * @param paragraphs non-overlapping, ordered paragraph spans within {@code text}
 */
public record Article(String id, String origin, String title, String url, String published, String source,
                      String text, List<Span> paragraphs) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        paragraphs = List.copyOf(paragraphs);
    }

    /** SHA-256 of the text, hex; what the corpus checksum and caches are keyed on. */
    public String textHash() {
        return ContentHash.sha256Hex(text);
    }
}
