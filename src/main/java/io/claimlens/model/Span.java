package io.claimlens.model;

/**
 * A half-open character range {@code [start, end)} into an article's text, with the probability that the
 * range is right (1.0 for spans that are read, not predicted).
 *
 * <p>Offsets are UTF-16 code-unit indices into {@link Article#text()}, the same indices {@link String#substring}
 * takes, so {@code article.text().substring(span.start(), span.end())} is the covered text.
 */
public record Span(int start, int end, double probability) implements Comparable<Span> {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("span probability must be in [0, 1]: " + probability);
        }
    }

    /** A span that is read, not predicted: probability 1. */
    public static Span of(int start, int end) {
        return new Span(start, end, 1.0);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean contains(Span other) {
        return other.start >= start && other.end <= end;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /** Characters shared with {@code other}. */
    public int overlapLength(Span other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }

    public String coveredText(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    public Span withProbability(double p) {
        return new Span(start, end, p);
    }

    @Override
    public int compareTo(Span o) {
        int c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(end, o.end);
    }
}
