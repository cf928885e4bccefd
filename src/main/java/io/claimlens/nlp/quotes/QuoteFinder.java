package io.claimlens.nlp.quotes;

import io.claimlens.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotations in text: the words between quote marks, marks excluded.
 *
 * <p>Marks understood: curly double (“ ”), straight double ("), doubled apostrophes ({@code ''...''} as the New
 * York Times archive writes them, and {@code ``...''}), guillemets (« » and ‹ ›), low-high („ “ or „ ”), curly
 * single (‘ ’), straight single (') and CJK corner brackets (「 」). Only top-level quotations are returned;
 * quotes nested inside a quotation are part of its text.
 *
 * <p>Robustness rules, each for a real way news text breaks:
 * <ul>
 *   <li>A quotation never crosses a paragraph. One left open at the end of a paragraph runs to the paragraph's end;
 *       if the next paragraph opens with a quote mark, that quotation {@linkplain Found#continuesPrevious()
 *       continues} this one (the multi-paragraph convention: each paragraph reopens, only the last closes).</li>
 *   <li>Apostrophes are not quote marks: ’ and ' inside a word, or closing a plural possessive, are skipped;
 *       single-quoted spans must close in the same paragraph or are dropped.</li>
 *   <li>A straight double quote opens only before a non-space character, so inch marks and stray {@code ""=}
 *       give no empty or runaway quotations.</li>
 * </ul>
 * Linear in the text length; no recursion. Thread-safe (stateless).
 */
public final class QuoteFinder {

    /**
     * A quotation found in the text.
     *
     * @param content           the quoted words, whitespace and a trailing comma trimmed
     * @param open              offset of the opening mark
     * @param close             offset of the closing mark, or -1 when the paragraph ended first
     * @param paragraph         index of the paragraph
     * @param continuesPrevious true when this paragraph reopens a quotation left open by the previous one
     */
    public record Found(Span content, int open, int close, int paragraph, boolean continuesPrevious) {
    }

    /** Single-quoted quotations in news are short; a single mark open longer than this was an apostrophe. */
    static final int MAX_SINGLE_QUOTE_CHARS = 400;

    private enum Kind { DOUBLE_CURLY, DOUBLE_STRAIGHT, DOUBLE_APOSTROPHE, GUILLEMET, GUILLEMET_SINGLE, LOW_HIGH,
        SINGLE_CURLY, SINGLE_STRAIGHT, CORNER }

    private QuoteFinder() {
    }

    public static List<Found> find(String text, List<Span> paragraphs) {
        List<Found> out = new ArrayList<>();
        boolean previousLeftOpen = false;
        for (int p = 0; p < paragraphs.size(); p++) {
            Span para = paragraphs.get(p);
            previousLeftOpen = scanParagraph(text, para, p, previousLeftOpen, out);
        }
        return out;
    }

    /**
     * Scans one paragraph; returns true if it ended with a double-mark quotation still open. An unclosed single
     * quote is far more often an apostrophe than a quotation: it is dropped and scanning restarts just after it
     * (a loop, not recursion, so a paragraph of stray apostrophes cannot exhaust the stack).
     */
    private static boolean scanParagraph(String text, Span para, int pIndex, boolean previousLeftOpen,
                                         List<Found> out) {
        int from = para.start();
        boolean first = true;
        while (true) {
            int depth = 0;
            Kind outer = null;
            int outerOpen = -1;
            Kind inner = null;
            int singleFrom = from;
            for (int i = from; i < para.end(); i++) {
                if (depth > 0 && !isDouble(outer) && i - outerOpen > MAX_SINGLE_QUOTE_CHARS) {
                    // a single mark left open this long was an apostrophe: resume right after it, but take no
                    // single mark as an opener before here again (keeps a run of apostrophes linear)
                    singleFrom = i;
                    i = outerOpen;
                    depth = 0;
                    outer = null;
                    inner = null;
                    continue;
                }
                if (depth == 0) {
                    Kind k = opener(text, i, para);
                    if (k != null && !isDouble(k) && i < singleFrom) {
                        k = null;
                    }
                    if (k != null) {
                        depth = 1;
                        outer = k;
                        outerOpen = i;
                        i += markLength(k) - 1;
                    }
                } else if (closes(outer, text, i, para) && (isDouble(outer) || letters(text, outerOpen, i) >= 2)) {
                    boolean cont = first && previousLeftOpen && outerOpen == para.start();
                    emit(text, outerOpen + markLength(outer), outerOpen, i, pIndex, cont, out, i);
                    i += markLength(outer) - 1;
                    first = false;
                    depth = 0;
                    outer = null;
                    inner = null;
                } else if (depth == 1) {
                    Kind k = opener(text, i, para);
                    if (k != null && k != outer && isDifferentFamily(outer, k)) {
                        depth = 2;
                        inner = k;
                    }
                } else if (closes(inner, text, i, para)) {
                    depth = 1;
                    inner = null;
                }
            }
            if (depth == 0) {
                return false;
            }
            if (isDouble(outer)) {
                boolean cont = first && previousLeftOpen && outerOpen == para.start();
                emit(text, outerOpen + markLength(outer), outerOpen, -1, pIndex, cont, out, para.end());
                return true;
            }
            from = outerOpen + 1;
            first = false;
        }
    }

    private static int letters(String text, int from, int to) {
        int n = 0;
        for (int k = from; k < to && n < 2; k++) {
            if (Character.isLetter(text.charAt(k))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isDifferentFamily(Kind outer, Kind k) {
        return isDouble(outer) != isDouble(k) || outer == Kind.GUILLEMET || k == Kind.GUILLEMET;
    }

    private static boolean isDouble(Kind k) {
        return k == Kind.DOUBLE_CURLY || k == Kind.DOUBLE_STRAIGHT || k == Kind.GUILLEMET || k == Kind.LOW_HIGH
                || k == Kind.CORNER || k == Kind.DOUBLE_APOSTROPHE;
    }

    /** Two characters for {@code ''} and {@code ``}, one for every other mark. */
    private static int markLength(Kind k) {
        return k == Kind.DOUBLE_APOSTROPHE ? 2 : 1;
    }

    private static void emit(String text, int contentStart, int open, int close, int p, boolean cont,
                             List<Found> out, int end) {
        int s = contentStart;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ',')) {
            e--;
        }
        if (e > s && hasLetterOrDigit(text, s, e)) {
            out.add(new Found(Span.of(s, e), open, close, p, cont));
        }
    }

    private static boolean hasLetterOrDigit(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Kind opener(String text, int i, Span para) {
        char c = text.charAt(i);
        char prev = i > para.start() ? text.charAt(i - 1) : ' ';
        char next = i + 1 < para.end() ? text.charAt(i + 1) : ' ';
        switch (c) {
            case '\u201C': // “
                return Character.isWhitespace(next) && !Character.isWhitespace(prev) ? null : Kind.DOUBLE_CURLY;
            case '\u201E': // „
                return Kind.LOW_HIGH;
            case '\u00AB': // «
                return Kind.GUILLEMET;
            case '\u2039': // ‹
                return Kind.GUILLEMET_SINGLE;
            case '\u300C': // 「
                return Kind.CORNER;
            case '"':
                // not after or before another mark: "" is an empty pair, not an opening
                return !Character.isWhitespace(next) && !Character.isLetterOrDigit(prev) && next != '"' && prev != '"'
                        ? Kind.DOUBLE_STRAIGHT : null;
            case '\u201D': // ” used as an opener (Swedish style or a typo): only between a space and a letter
                return Character.isWhitespace(prev) && Character.isLetter(next) ? Kind.DOUBLE_CURLY : null;
            case '\u2018': // ‘
                return Character.isLetterOrDigit(prev) ? null : Kind.SINGLE_CURLY;
            case '\'':
                if (next == '\'' && !Character.isLetterOrDigit(prev)) {
                    char after = i + 2 < para.end() ? text.charAt(i + 2) : ' ';
                    return !Character.isWhitespace(after) && after != '\'' ? Kind.DOUBLE_APOSTROPHE : null;
                }
                return !Character.isLetterOrDigit(prev) && Character.isLetter(next) ? Kind.SINGLE_STRAIGHT : null;
            case '`':
                return next == '`' ? Kind.DOUBLE_APOSTROPHE : null;
            default:
                return null;
        }
    }

    private static boolean closes(Kind k, String text, int i, Span para) {
        if (k == null) {
            return false;
        }
        char c = text.charAt(i);
        char next = i + 1 < para.end() ? text.charAt(i + 1) : ' ';
        return switch (k) {
            case DOUBLE_CURLY -> c == '\u201D' || (c == '\u201C' && !Character.isLetterOrDigit(next));
            case DOUBLE_STRAIGHT -> c == '"';
            case DOUBLE_APOSTROPHE -> c == '\'' && next == '\'';
            case GUILLEMET -> c == '\u00BB';
            case GUILLEMET_SINGLE -> c == '\u203A';
            case LOW_HIGH -> c == '\u201C' || c == '\u201D';
            case CORNER -> c == '\u300D';
            case SINGLE_CURLY, SINGLE_STRAIGHT -> (c == '\u2019' || c == '\'') && !Character.isLetter(next)
                    && i > para.start() && !Character.isWhitespace(text.charAt(i - 1));
        };
    }
}
