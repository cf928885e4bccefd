package io.claimlens.claims.detect;

import io.claimlens.model.ClaimGroup;
import io.claimlens.model.DetectedClaim;
import io.claimlens.model.DetectedClaimType;
import io.claimlens.model.Span;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimGrouperTest {

    private static DetectedClaim claim(String article, int start, String text, double score, String speaker,
                                       List<String> entities) {
        Span span = Span.of(start, start + text.length());
        return new DetectedClaim(DetectedClaim.idFor(article, span), article, article + ".txt", text, span, 0, score,
                speaker == null ? DetectedClaimType.OTHER : DetectedClaimType.QUOTE, speaker, speaker, entities,
                text);
    }

    private final ClaimGrouper grouper = new ClaimGrouper();

    @Test
    void theSameStatementInSeveralOutletsIsOneClaim() {
        DetectedClaim a = claim("a1", 10, "The US and South Korea have accused North Korea of sending more than "
                + "10,000 troops to Russia.", 0.9, null, List.of("US", "South Korea", "North Korea", "Russia"));
        DetectedClaim b = claim("a2", 500, "The US and South Korea accused North Korea of sending more than 10,000 "
                + "troops to Russia to support its war.", 0.8, null, List.of("US", "South Korea", "North Korea",
                "Russia"));
        DetectedClaim c = claim("a3", 0, "The US and South Korea have accused North Korea of sending more than "
                + "10,000 troops to Russia, officials said.", 0.7, null, List.of("US", "South Korea", "North Korea",
                "Russia"));
        DetectedClaim other = claim("a2", 40, "Beijing remained silent on the issue at the G20 meeting in Rio.", 0.6,
                null, List.of("Beijing", "G20", "Rio"));
        List<ClaimGroup> groups = grouper.group(List.of(other, c, b, a));
        assertEquals(2, groups.size());
        ClaimGroup g = groups.get(0);
        assertEquals(3, g.count());
        assertEquals(a.id(), g.appearances().get(0).id(), "the highest-scoring appearance represents the group");
        assertEquals(a.claim(), g.claim());
        assertEquals(List.of("a1", "a2", "a3"), g.articles());
        assertEquals(0.9, g.score());
        assertEquals(1, groups.get(1).count());
    }

    @Test
    void similarWordingAboutOtherNamesOrNumbersStaysApart() {
        DetectedClaim russia = claim("a1", 0, "Russia and North Korea are the closest of countries.", 0.9, null,
                List.of("Russia", "North Korea"));
        DetectedClaim china = claim("a2", 0, "China and North Korea are the closest of countries.", 0.9, null,
                List.of("China", "North Korea"));
        assertFalse(grouper.nearDuplicates(russia, china), "different names, different claims");
        DetectedClaim ten = claim("a1", 0, "North Korea sent 10,000 troops to Russia.", 0.9, null,
                List.of("North Korea", "Russia"));
        DetectedClaim twelve = claim("a2", 0, "North Korea sent 12,000 troops to Russia.", 0.9, null,
                List.of("North Korea", "Russia"));
        assertFalse(grouper.nearDuplicates(ten, twelve), "different numbers, different claims");
        DetectedClaim tenAgain = claim("a3", 0, "North Korea sent 10000 troops to Russia.", 0.9, null,
                List.of("North Korea", "Russia"));
        assertTrue(grouper.nearDuplicates(ten, tenAgain), "10,000 and 10000 are the same number");
        DetectedClaim missedEntity = claim("a4", 0, "North Korea sent 10,000 troops to Russia.", 0.9, null,
                List.of("North Korea"));
        assertTrue(grouper.nearDuplicates(ten, missedEntity), "one name missed by NER is tolerated");
    }

    @Test
    void theJaccardThresholdDecides() {
        // content words: {russia, north, korea, closest, countrie} vs {russia, north, korea, closest, friend}
        DetectedClaim x = claim("a", 0, "Russia and North Korea are the closest of countries.", 0.5, null,
                List.of());
        DetectedClaim y = claim("b", 0, "Russia and North Korea are the closest friends.", 0.5, null, List.of());
        assertEquals(4.0 / 6, ClaimGrouper.jaccard(ClaimGrouper.contentWords(x.claim()),
                ClaimGrouper.contentWords(y.claim())), 1e-12);
        assertTrue(new ClaimGrouper(0.6).nearDuplicates(x, y));
        assertFalse(new ClaimGrouper(0.7).nearDuplicates(x, y));
    }

    @Test
    void groupsDoNotDependOnInputOrderAndAreTransitive() {
        List<DetectedClaim> claims = new ArrayList<>();
        String[] variants = {"North Korean troops are fighting in the Kursk region of Russia.",
                "North Korean troops are fighting in the Kursk region of Russia, Kyiv says.",
                "North Korean troops are now fighting in the Kursk region of Russia, Kyiv says.",
                "Ukraine's army destroyed a bridge over the Seim river on Friday.",
                "Ukraine's army destroyed a second bridge over the Seim river on Friday."};
        for (int i = 0; i < variants.length; i++) {
            claims.add(claim("n" + i, i * 7, variants[i], 0.5 + i * 0.01, null, List.of()));
        }
        List<ClaimGroup> expected = grouper.group(claims);
        assertEquals(2, expected.size());
        Random r = new Random(1);
        for (int t = 0; t < 5; t++) {
            List<DetectedClaim> shuffled = new ArrayList<>(claims);
            Collections.shuffle(shuffled, r);
            assertEquals(expected, grouper.group(shuffled));
        }
    }

    @Test
    void attributedStatementsComeFirstThenScores() {
        DetectedClaim narrative = claim("a", 0, "The treaty was ratified in November by both parliaments.", 0.95, null,
                List.of());
        DetectedClaim quoted = claim("a", 100, "Russia and North Korea are the closest of countries.", 0.7,
                "Alexandr Matsegora", List.of());
        DetectedClaim weak = claim("b", 0, "Officials said talks went well.", 0.6, "Officials", List.of());
        List<DetectedClaim> l = new ArrayList<>(List.of(narrative, weak, quoted));
        l.sort(ClaimRanking.ATTRIBUTED.claims());
        assertEquals(List.of(quoted, weak, narrative), l);
        l.sort(ClaimRanking.SCORE.claims());
        assertEquals(List.of(narrative, quoted, weak), l);
    }
}
