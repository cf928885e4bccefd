package io.claimlens.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.model.Attribution;
import io.claimlens.model.Evidence;
import io.claimlens.model.Report;
import io.claimlens.model.SpeakerKind;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.VerdictLabel;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A report as schema.org {@code ClaimReview} JSON-LD, the markup fact-checkers publish and Google's Fact Check
 * Tools read (https://developers.google.com/search/docs/appearance/structured-data/factcheck).
 *
 * <ul>
 *   <li>{@code claimReviewed}: the claim as given; {@code datePublished}, {@code author} (the organisation) and
 *       {@code url} (the page hosting the fact check, when configured) from {@link ClaimReviewOptions};</li>
 *   <li>{@code itemReviewed}: a {@code Claim} whose {@code author} is the speaker the claim's quoted words are
 *       attributed to ({@code Person}; {@code Organization} for organisations and unnamed groups, the closest
 *       schema.org type), and whose {@code appearance} lists the articles that carry the attributed quotation or
 *       support the claim ({@code CreativeWork} with url, headline and publisher where the article gave them);</li>
 *   <li>{@code reviewRating}: a {@code Rating} on the 5 (True) to 1 (False) scale with the grade's name as
 *       {@code alternateName} (the value Google shows; also as {@code name}) and the conclusion as
 *       {@code ratingExplanation}.
 *       {@link VerdictLabel#UNVERIFIABLE} is off the numeric scale, so it gets {@code alternateName} only: Google
 *       documents ratingValue, bestRating and worstRating as applying to numeric ratings.</li>
 * </ul>
 *
 * <p>ClaimReview has no place for provenance, so this format never carries any (nor the run time); the output is
 * deterministic for the same report and options.
 */
public final class ClaimReviewJson {

    private ClaimReviewJson() {
    }

    public static ObjectNode render(Report r, ClaimReviewOptions o) {
        ObjectNode n = JsonReports.mapper().createObjectNode();
        n.put("@context", "https://schema.org");
        n.put("@type", "ClaimReview");
        if (o.reviewUrl() != null) {
            n.put("url", o.reviewUrl());
        }
        n.put("name", "Fact check: " + r.claim().text());
        n.put("claimReviewed", r.claim().text());
        n.put("datePublished", o.datePublished().toString());
        ObjectNode org = n.putObject("author");
        org.put("@type", "Organization");
        org.put("name", o.organisation());
        if (o.organisationUrl() != null) {
            org.put("url", o.organisationUrl());
        }
        n.set("itemReviewed", claim(r));
        n.set("reviewRating", rating(r));
        return n;
    }

    private static ObjectNode claim(Report r) {
        ObjectNode c = JsonReports.mapper().createObjectNode();
        c.put("@type", "Claim");
        c.put("text", r.claim().text());
        Attribution said = r.attributions().stream().filter(Attribution::hasSpeaker).findFirst().orElse(null);
        if (said != null) {
            ObjectNode a = c.putObject("author");
            a.put("@type", said.kind() == SpeakerKind.PERSON ? "Person" : "Organization");
            a.put("name", said.canonicalSpeaker());
        }
        Set<String> appearances = new LinkedHashSet<>();
        for (Attribution a : r.attributions()) {
            if (a.hasSpeaker()) {
                appearances.add(a.quote().articleId());
            }
        }
        for (Evidence e : r.evidence()) {
            if (e.stance().probabilities().get(StanceLabel.SUPPORTS) >= Explanation.STANCE_THRESHOLD) {
                appearances.add(e.articleId());
            }
        }
        if (!appearances.isEmpty()) {
            ArrayNode list = c.putArray("appearance");
            for (String id : appearances) {
                list.add(creativeWork(r, id));
            }
        }
        return c;
    }

    private static ObjectNode creativeWork(Report r, String articleId) {
        ObjectNode w = JsonReports.mapper().createObjectNode();
        w.put("@type", "CreativeWork");
        Report.SourceRef s = Citation.source(r, articleId);
        String url = s == null ? null : HtmlReport.safeUrl(s.url());
        if (url != null) {
            w.put("url", url);
        }
        if (s != null && s.title() != null && !s.title().isBlank()) {
            w.put("headline", s.title());
        } else {
            w.put("name", Citation.shortLabel(r, articleId));
        }
        if (s != null && s.source() != null && !s.source().isBlank()) {
            ObjectNode p = w.putObject("publisher");
            p.put("@type", "Organization");
            p.put("name", s.source());
        }
        w.put("identifier", articleId);
        return w;
    }

    private static ObjectNode rating(Report r) {
        ObjectNode g = JsonReports.mapper().createObjectNode();
        VerdictLabel l = r.verdict().label();
        g.put("@type", "Rating");
        if (l.isRated()) {
            g.put("ratingValue", l.ratingValue());
            g.put("bestRating", VerdictLabel.BEST_RATING);
            g.put("worstRating", VerdictLabel.WORST_RATING);
        }
        g.put("alternateName", l.alternateName());
        g.put("name", l.alternateName());
        g.put("ratingExplanation", Explanation.of(r).conclusion());
        return g;
    }
}
