package io.claimlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.EntityMention;
import io.claimlens.model.Evidence;
import io.claimlens.model.ModelRef;
import io.claimlens.model.Provenance;
import io.claimlens.model.Report;
import io.claimlens.model.Verdict;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON renderings: the {@code check} report, and one-line records for {@code quotes} and {@code entities}.
 *
 * <p>The shapes here are a public contract (the CLI documents them); field order is fixed and numbers are rounded
 * to 4 decimals so that the same report always serialises to the same bytes.
 */
public final class JsonReports {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonReports() {
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * The full report as JSON, plus a {@code run} object ({@code startedAt}, {@code seconds}) after the provenance when
     * {@code run} is given and provenance is kept. The run is the only part that changes between runs on the same
     * input; {@link #report(Report, boolean)} (what batch results are made of) never has it.
     */
    public static ObjectNode report(Report r, boolean withProvenance, RunInfo run) {
        ObjectNode o = report(r, withProvenance);
        if (withProvenance && run != null) {
            ObjectNode n = o.putObject("run");
            n.put("startedAt", run.startedAt().toString());
            n.put("seconds", run.roundedSeconds());
        }
        return o;
    }

    /** The full report as JSON: claim, verdict, evidence, attributions, sources, provenance. Deterministic. */
    public static ObjectNode report(Report r, boolean withProvenance) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.set("claim", claim(r.claim()));
        o.set("verdict", verdict(r.verdict()));
        ArrayNode ev = o.putArray("evidence");
        for (Evidence e : r.evidence()) {
            ObjectNode n = ev.addObject();
            n.put("rank", e.rank());
            n.put("article", e.articleId());
            Report.SourceRef src = r.articles().stream().filter(s -> s.id().equals(e.articleId())).findFirst()
                    .orElse(null);
            n.put("file", src == null ? null : src.origin());
            n.put("source", e.source());
            n.put("text", e.sentence().text());
            n.put("start", e.sentence().start());
            n.put("end", e.sentence().end());
            n.put("stance", e.stance().label().name());
            n.set("stanceProbabilities", JSON.valueToTree(e.stance().probabilities().rounded(4)));
            n.put("similarity", round(e.similarity()));
            n.put("retrievalScore", round(e.retrievalScore()));
            if (e.attribution() != null) {
                n.set("attribution", attribution(e.attribution(), null));
            }
        }
        ArrayNode at = o.putArray("attributions");
        for (Attribution a : r.attributions()) {
            Report.SourceRef src = r.articles().stream().filter(s -> s.id().equals(a.quote().articleId()))
                    .findFirst().orElse(null);
            at.add(attribution(a, src == null ? null : src.origin()));
        }
        ArrayNode src = o.putArray("sources");
        for (Report.SourceRef s : r.articles()) {
            ObjectNode n = src.addObject();
            n.put("article", s.id());
            n.put("file", s.origin());
            n.put("title", s.title());
            n.put("url", s.url());
            n.put("source", s.source());
        }
        if (withProvenance) {
            o.set("provenance", provenance(r.provenance()));
        }
        return o;
    }

    static ObjectNode claim(Claim c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("text", c.text());
        n.put("proposition", c.proposition());
        n.put("type", c.type().name());
        n.set("quotedPhrases", JSON.valueToTree(c.quotedPhrases()));
        n.put("speaker", c.speaker());
        n.put("speakerIsRole", c.speakerIsRole());
        n.set("entities", JSON.valueToTree(c.entities()));
        return n;
    }

    static ObjectNode verdict(Verdict v) {
        ObjectNode n = JSON.createObjectNode();
        n.put("label", v.label().name());
        n.put("alternateName", v.label().alternateName());
        if (v.label().isRated()) {
            n.put("ratingValue", v.label().ratingValue());
        } else {
            n.putNull("ratingValue");
        }
        n.put("confidence", round(v.confidence()));
        n.set("probabilities", JSON.valueToTree(v.probabilities().rounded(4)));
        n.put("reason", v.reason() == null ? null : v.reason().name());
        ObjectNode f = n.putObject("features");
        for (Map.Entry<String, Double> e : v.features().entrySet()) {
            f.put(e.getKey(), round(e.getValue()));
        }
        return n;
    }

    /** One quotation record: the {@code quotes} JSONL contract. */
    public static ObjectNode attribution(Attribution a, String file) {
        ObjectNode n = JSON.createObjectNode();
        n.put("article", a.quote().articleId());
        if (file != null) {
            n.put("file", file);
        }
        n.put("text", a.quote().text());
        n.put("start", a.quote().span().start());
        n.put("end", a.quote().span().end());
        n.put("speaker", a.speaker());
        n.put("canonicalSpeaker", a.canonicalSpeaker());
        n.put("speakerKind", a.kind() == null ? null : a.kind().name());
        n.put("confidence", round(a.confidence()));
        n.put("rule", a.rule());
        n.put("reason", a.noSpeakerReason() == null ? null : a.noSpeakerReason().name().toLowerCase(
                java.util.Locale.ROOT));
        return n;
    }

    /** One entity record: the {@code entities} JSONL contract. */
    public static ObjectNode entity(EntityMention m, String file, String collectionCanonical) {
        ObjectNode n = JSON.createObjectNode();
        n.put("article", m.articleId());
        n.put("file", file);
        n.put("text", m.text());
        n.put("type", m.type().name());
        n.put("start", m.span().start());
        n.put("end", m.span().end());
        n.put("canonical", collectionCanonical);
        n.put("confidence", round(m.span().probability()));
        return n;
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("engineVersion", p.engineVersion());
        ArrayNode m = n.putArray("models");
        for (ModelRef r : p.models()) {
            ObjectNode x = m.addObject();
            x.put("role", r.role());
            x.put("id", r.id());
            x.put("sha256", r.sha256());
        }
        n.set("config", JSON.valueToTree(p.config()));
        n.put("corpusChecksum", p.corpusChecksum());
        n.put("articleCount", p.articleCount());
        return n;
    }

    public static String toJson(Object node, boolean pretty) {
        try {
            return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }

    /** Convenience for callers that have an analysed article and want its quotation records. */
    public static ArrayNode quotes(AnalyzedArticle a) {
        ArrayNode arr = JSON.createArrayNode();
        for (Attribution at : a.attributions()) {
            arr.add(attribution(at, a.article().origin()));
        }
        return arr;
    }
}
