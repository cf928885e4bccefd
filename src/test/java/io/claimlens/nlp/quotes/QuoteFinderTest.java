package io.claimlens.nlp.quotes;

import io.claimlens.ingest.Paragraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteFinderTest {

    private static List<String> quotes(String text) {
        return QuoteFinder.find(text, Paragraphs.split(text)).stream()
                .map(f -> f.content().coveredText(text)).toList();
    }

    @Test
    void curlyStraightAndGuillemetMarks() {
        assertEquals(List.of("We are ready", "No comment", "Jamais", "Nie wieder"),
                quotes("\u201CWe are ready,\u201D she said. He said \"No comment\" and left. "
                        + "Il a dit \u00ABJamais\u00BB. Er sagte \u201ENie wieder\u201C."));
    }

    @Test
    void doubledApostrophesAreDoubleQuotes() {
        String t = "''It's more tinkering at the edges,'' said Alan Cole. ``Fine,'' he added.";
        assertEquals(List.of("It's more tinkering at the edges", "Fine"), quotes(t));
        QuoteFinder.Found f = QuoteFinder.find(t, Paragraphs.split(t)).get(0);
        assertEquals(0, f.open());
        assertEquals(t.indexOf("'' said"), f.close());
    }

    @Test
    void contentExcludesMarksAndATrailingComma() {
        String t = "\u201CRussia and North Korea are the closest of countries,\u201D he said.";
        QuoteFinder.Found f = QuoteFinder.find(t, Paragraphs.split(t)).get(0);
        assertEquals("Russia and North Korea are the closest of countries", f.content().coveredText(t));
        assertEquals(0, f.open());
        assertEquals(t.indexOf('\u201D'), f.close());
    }

    @Test
    void nestedQuotesStayInsideTheOuterOne() {
        assertEquals(List.of("He called it 'a disaster' twice"),
                quotes("She said: \"He called it 'a disaster' twice\""));
        assertEquals(List.of("the \u2018closest\u2019 friend"), quotes("They spoke of \u201Cthe \u2018closest\u2019 friend\u201D."));
    }

    @Test
    void apostrophesAreNotQuotes() {
        assertTrue(quotes("North Korea\u2019s leader and the nations\u2019 alliance didn't change.").isEmpty());
        assertTrue(quotes("It's Kim's view that rock 'n' roll is fine.").isEmpty());
        assertEquals(List.of("closest of countries"), quotes("They are the 'closest of countries,' he said."));
    }

    @Test
    void unbalancedMarksRunToTheEndOfTheParagraphOnly() {
        String t = "Choe spoke of relations \u201Cin harmony with the plans.\n\nNext paragraph has no quote.";
        List<QuoteFinder.Found> f = QuoteFinder.find(t, Paragraphs.split(t));
        assertEquals(1, f.size());
        assertEquals("in harmony with the plans.", f.get(0).content().coveredText(t));
        assertEquals(-1, f.get(0).close());
    }

    @Test
    void multiParagraphQuotesAreMarkedAsContinuing() {
        String t = "\u201CFirst paragraph of the speech.\n\n\u201CSecond paragraph,\u201D the minister said.";
        List<QuoteFinder.Found> f = QuoteFinder.find(t, Paragraphs.split(t));
        assertEquals(2, f.size());
        assertFalse(f.get(0).continuesPrevious());
        assertTrue(f.get(1).continuesPrevious());
    }

    @Test
    void degenerateMarksGiveNoEmptyOrRunawayQuotes() {
        assertTrue(quotes("\"\"=").isEmpty());
        assertTrue(quotes("He is 6'2\" tall and 5' wide.").isEmpty() || quotes("He is 6'2\" tall").size() <= 1);
        assertTrue(quotes("\u201C\u201D \u00AB\u00BB \"\"").isEmpty());
        assertTrue(quotes("!!! ??? ... ,,,").isEmpty());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void giantInputsStayLinear() {
        String noQuotes = "word ".repeat(1_000_000);
        assertTrue(quotes(noQuotes).isEmpty());
        String apostrophes = "'a b ".repeat(200_000);
        assertTrue(quotes(apostrophes).size() < 10);
        String opens = "\u201C".repeat(100_000);
        assertTrue(quotes(opens).size() <= 1);
    }
}
