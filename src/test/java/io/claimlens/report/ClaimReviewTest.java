package io.claimlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Distribution;
import io.claimlens.model.NoVerdictReason;
import io.claimlens.model.Report;
import io.claimlens.model.Verdict;
import io.claimlens.model.VerdictLabel;
import io.claimlens.testing.SeedCase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ClaimReview JSON-LD against the properties Google documents for fact-check markup:
 * https://developers.google.com/search/docs/appearance/structured-data/factcheck
 *
 * <p>There: ClaimReview requires {@code claimReviewed}, {@code reviewRating} and {@code url} and recommends
 * {@code author} and {@code itemReviewed}; the Claim recommends {@code appearance}, {@code author},
 * {@code datePublished} and {@code firstAppearance}; the Rating requires {@code alternateName} and recommends
 * {@code bestRating}, {@code name}, {@code ratingValue} and {@code worstRating}, the numeric ones for numeric ratings
 * (worstRating at least 1 and below bestRating, ratingValue between them). JSON-LD must use the schema.org context.
 */
class ClaimReviewTest {

    static final ClaimReviewOptions OPTIONS = ClaimReviewOptions.builder()
            .setDatePublished(LocalDate.of(2026, 11, 23))
            .optOrganisation("Example Checks").optOrganisationUrl("https://checks.example")
            .optReviewUrl("https://checks.example/2026/11/closest").build();

    /** Google's required properties that are missing or malformed, as "path: problem". */
    static List<String> requiredProblems(JsonNode n) {
        List<String> p = new ArrayList<>();
        if (!"https://schema.org".equals(n.path("@context").asText())) {
            p.add("@context: must be https://schema.org");
        }
        if (!"ClaimReview".equals(n.path("@type").asText())) {
            p.add("@type: must be ClaimReview");
        }
        if (n.path("claimReviewed").asText().isBlank()) {
            p.add("claimReviewed: missing");
        }
        if (!n.path("url").asText().matches("https?://\\S+")) {
            p.add("url: missing or not an absolute URL");
        }
        JsonNode rating = n.path("reviewRating");
        if (!"Rating".equals(rating.path("@type").asText())) {
            p.add("reviewRating: missing or not a Rating");
        }
        if (rating.path("alternateName").asText().isBlank()) {
            p.add("reviewRating.alternateName: missing");
        }
        if (rating.has("ratingValue")) {
            int worst = rating.path("worstRating").asInt(1);
            int best = rating.path("bestRating").asInt(5);
            int value = rating.path("ratingValue").asInt(-1);
            if (worst < 1 || worst >= best || value < worst || value > best) {
                p.add("reviewRating: ratingValue " + value + " outside worstRating " + worst + " .. bestRating "
                        + best);
            }
        }
        return p;
    }

    /** Google's recommended properties that are absent. */
    static List<String> missingRecommended(JsonNode n) {
        List<String> m = new ArrayList<>();
        JsonNode author = n.path("author");
        if (!Set.of("Organization", "Person").contains(author.path("@type").asText())
                || author.path("name").asText().isBlank()) {
            m.add("author");
        }
        JsonNode claim = n.path("itemReviewed");
        if (!"Claim".equals(claim.path("@type").asText())) {
            m.add("itemReviewed");
        }
        JsonNode claimAuthor = claim.path("author");
        if (!Set.of("Organization", "Person").contains(claimAuthor.path("@type").asText())
                || claimAuthor.path("name").asText().isBlank()) {
            m.add("itemReviewed.author");
        }
        if (!claim.path("appearance").isArray() || claim.path("appearance").isEmpty()) {
            m.add("itemReviewed.appearance");
        } else {
            for (JsonNode w : claim.path("appearance")) {
                if (!"CreativeWork".equals(w.path("@type").asText())) {
                    m.add("itemReviewed.appearance (not a CreativeWork)");
                }
            }
        }
        for (String f : List.of("datePublished", "firstAppearance")) {
            if (!claim.has(f)) {
                m.add("itemReviewed." + f);
            }
        }
        JsonNode rating = n.path("reviewRating");
        for (String f : List.of("bestRating", "name", "ratingValue", "worstRating")) {
            if (!rating.has(f)) {
                m.add("reviewRating." + f);
            }
        }
        return m;
    }

    /** What we cannot give: the collection holds no dates for when or where a claim first appeared. */
    static final List<String> KNOWN_ABSENT = List.of("itemReviewed.datePublished", "itemReviewed.firstAppearance");

    @Test
    void theSeedClaimsReviewHasEveryRequiredProperty() {
        SeedCase seed = SeedCase.get();
        assumeTrue(seed != null, "../shared/seeds not present");
        JsonNode n = ClaimReviewJson.render(seed.report(), OPTIONS);
        assertEquals(List.of(), requiredProblems(n), JsonReports.toJson(n, true));
        assertEquals(KNOWN_ABSENT, missingRecommended(n), JsonReports.toJson(n, true));
        assertEquals(SeedCase.CLAIM, n.get("claimReviewed").asText());
        assertEquals("Person", n.at("/itemReviewed/author/@type").asText());
        assertEquals("Alexandr Matsegora", n.at("/itemReviewed/author/name").asText());
        String quoted = seed.report().attributions().get(0).quote().articleId();
        assertEquals(quoted, n.at("/itemReviewed/appearance/0/identifier").asText(),
                "the article that carries the attributed quotation comes first");
        VerdictLabel l = seed.report().verdict().label();
        assertEquals(l.alternateName(), n.at("/reviewRating/alternateName").asText());
        assertEquals(l.ratingValue(), n.at("/reviewRating/ratingValue").asInt());
        assertEquals("Example Checks", n.at("/author/name").asText());
        assertEquals("2026-11-23", n.get("datePublished").asText());
    }

    @Test
    void aRatedReviewUsesTheFiveToOneScale() {
        JsonNode n = ClaimReviewJson.render(ReportRenderingTest.sample(ClaimType.FACTUAL), OPTIONS);
        assertEquals(List.of(), requiredProblems(n));
        assertEquals(KNOWN_ABSENT, missingRecommended(n));
        assertEquals(4, n.at("/reviewRating/ratingValue").asInt());
        assertEquals(5, n.at("/reviewRating/bestRating").asInt());
        assertEquals(1, n.at("/reviewRating/worstRating").asInt());
        assertEquals("Mostly true", n.at("/reviewRating/alternateName").asText());
        assertTrue(n.at("/reviewRating/ratingExplanation").asText().contains("is rated Mostly true"));
        assertEquals("Kang Min-seo", n.at("/itemReviewed/author/name").asText());
        JsonNode first = n.at("/itemReviewed/appearance/0");
        assertEquals("https://e.org/a", first.get("url").asText());
        assertEquals("Envoy hails ties", first.get("headline").asText());
        assertEquals("Wire", first.at("/publisher/name").asText());
        assertEquals("https://checks.example", n.at("/author/url").asText());
        assertEquals(JsonReports.toJson(n, true), JsonReports.toJson(ClaimReviewJson.render(
                ReportRenderingTest.sample(ClaimType.FACTUAL), OPTIONS), true), "deterministic");
    }

    @Test
    void unverifiableHasATextualRatingOnly() {
        Report s = ReportRenderingTest.sample(ClaimType.FACTUAL);
        Verdict v = new Verdict(VerdictLabel.UNVERIFIABLE, Distribution.certain(VerdictLabel.UNVERIFIABLE),
                NoVerdictReason.NO_EVIDENCE, Map.of());
        Report r = new Report(s.id(), s.claim(), v, List.of(), List.of(), List.of(), s.provenance());
        JsonNode n = ClaimReviewJson.render(r, OPTIONS);
        assertEquals(List.of(), requiredProblems(n));
        assertEquals("Unverifiable", n.at("/reviewRating/alternateName").asText());
        for (String f : List.of("ratingValue", "bestRating", "worstRating")) {
            assertFalse(n.get("reviewRating").has(f), "not on the numeric scale: " + f);
        }
        assertTrue(missingRecommended(n).containsAll(List.of("itemReviewed.author", "itemReviewed.appearance")),
                "no speaker and no article to name");
    }

    @Test
    void theCheckFindsWhatIsMissing() {
        JsonNode n = ClaimReviewJson.render(ReportRenderingTest.sample(ClaimType.FACTUAL), ClaimReviewOptions
                .builder().setDatePublished(LocalDate.of(2026, 11, 23)).build());
        assertEquals(List.of("url: missing or not an absolute URL"), requiredProblems(n), "no --review-url");
        assertEquals("ClaimLens", n.at("/author/name").asText(), "the default organisation");
        assertThrows(IllegalArgumentException.class, () -> ClaimReviewOptions.builder()
                .setDatePublished(LocalDate.of(2026, 11, 23)).optReviewUrl("javascript:alert(1)").build());
        assertThrows(IllegalStateException.class, () -> ClaimReviewOptions.builder().build());
    }
}
