package io.claimlens.ingest;

import io.claimlens.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds paragraph boundaries in plain text.
 *
 * <p>Why: a headline or section heading ("What We Know") carries no final punctuation, so a sentence splitter
 * merges it into the next sentence unless it is cut off first.
 *
 * <p>Rule: a blank line always ends a paragraph. A single line break ends one too, unless the text is
 * hard-wrapped (most lines end mid-sentence, as in e-mail or fixed-width archives), in which case single breaks
 * are spaces. Paragraph spans exclude surrounding whitespace; whitespace-only stretches give no paragraph.
 */
public final class Paragraphs {

    private Paragraphs() {
    }

    public static List<Span> split(String text) {
        boolean breakOnSingleNewline = !looksHardWrapped(text);
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int blockStart = 0;
        int i = 0;
        while (i <= n) {
            boolean atEnd = i == n;
            boolean boundary = false;
            int next = i;
            if (!atEnd && isLineBreak(text.charAt(i))) {
                int j = skipLineBreak(text, i);
                int k = j;
                while (k < n && isInlineSpace(text.charAt(k))) {
                    k++;
                }
                boolean blankLine = k < n && isLineBreak(text.charAt(k));
                if (blankLine || breakOnSingleNewline) {
                    boundary = true;
                }
                next = j;
            }
            if (atEnd || boundary) {
                addTrimmed(text, blockStart, i, out);
                blockStart = next;
                if (atEnd) {
                    break;
                }
                i = next;
            } else {
                i++;
            }
        }
        return out;
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(Span.of(start, end));
        }
    }

    /**
     * Hard-wrapped text: at least 4 lines, and more than half of the line breaks fall after a lower-case letter,
     * a comma or a hyphen (mid-sentence) with the next line starting in lower case or continuing a word.
     */
    static boolean looksHardWrapped(String text) {
        int breaks = 0;
        int midSentence = 0;
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c != '\n') {
                continue;
            }
            char before = text.charAt(i - 1);
            char after = text.charAt(i + 1);
            if (before == '\n' || before == '\r' || after == '\n' || after == '\r') {
                continue; // part of a blank line
            }
            breaks++;
            if ((Character.isLowerCase(before) || before == ',' || before == '-')
                    && (Character.isLowerCase(after) || Character.isDigit(after))) {
                midSentence++;
            }
        }
        return breaks >= 4 && midSentence * 2 > breaks;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isInlineSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\f';
    }

    private static int skipLineBreak(String text, int i) {
        if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            return i + 2;
        }
        return i + 1;
    }
}
