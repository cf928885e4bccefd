package io.claimlens.model;

import java.util.List;

/**
 * The engine's complete answer for one claim. Immutable; renderers in the report stage turn it into JSON,
 * Markdown and the other formats.
 *
 * @param id           stable id: hash of claim text and corpus checksum
 * @param claim        the parsed claim
 * @param verdict      the verdict
 * @param evidence     evidence sentences, best first
 * @param attributions attributions of quotations that match the claim's quoted phrases, best match first
 * @param articles     the articles cited by evidence or attributions, keyed by id in first-cited order
 * @param provenance   models, configuration and corpus checksum
 */
public record Report(String id, Claim claim, Verdict verdict, List<Evidence> evidence,
                     List<Attribution> attributions, List<SourceRef> articles, Provenance provenance) {

    public Report {
        evidence = List.copyOf(evidence);
        attributions = List.copyOf(attributions);
        articles = List.copyOf(articles);
    }

    /** A cited article. */
    public record SourceRef(String id, String origin, String title, String url, String source) {
    }
}
