package io.claimlens.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTextTest {

    @Test
    void blocksBecomeParagraphsAndScriptsDisappear() {
        HtmlText.Extracted x = HtmlText.extract("<html><head><title>T</title><script>var a = 1;</script></head>"
                + "<body><h1>Head line</h1><p>First <b>bold</b>   text.</p><div>Second<br>line</div>"
                + "<iframe src='x'>frame text</iframe><style>p{}</style></body></html>");
        assertEquals("T", x.title());
        assertEquals("Head line\n\nFirst bold text.\n\nSecond\n\nline", x.text());
        assertFalse(x.text().contains("var a"));
        assertFalse(x.text().contains("frame text"));
    }

    @Test
    void entitiesAreDecodedAndNoExternalEntityIsFetched() {
        String html = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>Tom &amp; Jerry &e; &quot;hi&quot;</p>";
        HtmlText.Extracted x = HtmlText.extract(html);
        assertTrue(x.text().contains("Tom & Jerry &e;"), x.text()); // an undefined entity stays literal text
        assertFalse(x.text().contains("root:"));
        assertTrue(x.text().contains("\"hi\""));
    }

    @Test
    void titleFallsBackToTheFirstHeading() {
        assertEquals("Only heading", HtmlText.extract("<h1>Only heading</h1><p>x</p>").title());
    }
}
