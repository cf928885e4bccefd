package io.claimlens.claims;

import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimParserTest {

    /** A fake entity finder: capitalised word runs (the real one is CoreNLP's NER, tested in the engine test). */
    private static List<String> capitalised(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\b[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private final ClaimParser parser = new ClaimParser(ClaimParserTest::capitalised);

    @Test
    void trailingSpeakerTagMakesAFactualClaimWithARole() {
        Claim c = parser.parse("Russia and North Korea are now the 'closest of countries,' says ambassador.");
        assertEquals(List.of("closest of countries"), c.quotedPhrases());
        assertEquals("ambassador", c.speaker());
        assertTrue(c.speakerIsRole());
        assertEquals(ClaimType.FACTUAL, c.type());
        assertEquals("Russia and North Korea are now the closest of countries", c.proposition());
        assertTrue(c.entities().contains("Russia"));
    }

    @Test
    void descriptionFrameMakesAnAttributionClaim() {
        Claim c = parser.parse("Russia and North Korea are described as the 'closest of countries.'");
        assertEquals(ClaimType.ATTRIBUTION, c.type());
        assertEquals(List.of("closest of countries"), c.quotedPhrases());
        assertNull(c.speaker());
    }

    @Test
    void leadingSpeechFrameNamesTheSpeaker() {
        Claim c = parser.parse("Sergei Lavrov said that Russia \"always\" supports North Korea.");
        assertEquals(ClaimType.ATTRIBUTION, c.type());
        assertEquals("Sergei Lavrov", c.speaker());
        assertFalse(c.speakerIsRole());
        assertEquals("Russia always supports North Korea", c.proposition());
    }

    @Test
    void aClaimWrappedInQuotesIsUnwrapped() {
        Claim c = parser.parse("\u201CPrices doubled last year,\u201D says the finance minister.");
        assertEquals(List.of("Prices doubled last year"), c.quotedPhrases());
        assertEquals("the finance minister", c.speaker());
        assertTrue(c.speakerIsRole());
        Claim whole = parser.parse("\"The bridge opened in 2019.\"");
        assertEquals("The bridge opened in 2019", whole.proposition());
        assertTrue(whole.quotedPhrases().isEmpty());
    }

    @Test
    void plainFactualClaims() {
        Claim c = parser.parse("Unemployment fell to 4 percent in March.");
        assertEquals(ClaimType.FACTUAL, c.type());
        assertNull(c.speaker());
        assertTrue(c.quotedPhrases().isEmpty());
        assertEquals("Unemployment fell to 4 percent in March", c.proposition());
    }

    @Test
    void idsAreStableHashes() {
        assertEquals(parser.parse("X is Y.").id(), parser.parse("X is Y.").id());
        assertThrows(IllegalArgumentException.class, () -> parser.parse("  "));
    }
}
