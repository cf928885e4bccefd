package io.claimlens.ingest;

import io.claimlens.model.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParagraphsTest {

    private static List<String> texts(String text) {
        return Paragraphs.split(text).stream().map(s -> s.coveredText(text)).toList();
    }

    @Test
    void blankLinesSeparateParagraphs() {
        assertEquals(List.of("Headline here", "First paragraph.", "Second one."),
                texts("Headline here\n\nFirst paragraph.\n \nSecond one.\n"));
    }

    @Test
    void aHeadingOnItsOwnLineIsItsOwnParagraph() {
        assertEquals(List.of("What We Know", "Recent developments indicate ties."),
                texts("What We Know\nRecent developments indicate ties."));
    }

    @Test
    void hardWrappedTextKeepsItsLinesTogether() {
        String wrapped = "The minister said on Monday that the talks\nwould continue next week, and that both\n"
                + "sides had agreed to meet again in the\ncapital before the end of the month, when\n"
                + "a final text could be signed.\n\nA second paragraph.";
        assertTrue(Paragraphs.looksHardWrapped(wrapped));
        List<String> p = texts(wrapped);
        assertEquals(2, p.size());
        assertTrue(p.get(0).startsWith("The minister") && p.get(0).endsWith("signed."));
    }

    @Test
    void spansPointIntoTheTextAndSkipWhitespace() {
        String t = "  \n\nOne.\r\n\r\nTwo.  ";
        List<Span> spans = Paragraphs.split(t);
        assertEquals(2, spans.size());
        assertEquals("One.", spans.get(0).coveredText(t));
        assertEquals("Two.", spans.get(1).coveredText(t));
        assertFalse(Paragraphs.split("   \n \n").iterator().hasNext());
    }
}
