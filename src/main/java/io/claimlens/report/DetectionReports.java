package io.claimlens.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.model.ClaimGroup;
import io.claimlens.model.DetectedClaim;

import java.util.List;
import java.util.Locale;

/**
 * Renderings of detected claims for the {@code detect} command: one JSON object per line (the contract below) or
 * CSV with a header.
 *
 * <p>Claim record: {@code id, article, file, text, start, end, sentence, score, type, speaker, source, entities,
 * claim}. Group record ({@code --group}): {@code id, claim, score, type, count, articles, speakers,
 * appearances} where each appearance is {@code id, article, file, start, end, score, source, text}. Both carry
 * {@code claim} (and {@code id}), which is what {@code batch --claims} reads. Field order is fixed and scores are
 * rounded to 4 decimals, so the same input gives the same bytes.
 */
public final class DetectionReports {

    public static final List<String> CLAIM_CSV_HEADER = List.of("id", "article", "file", "start", "end", "score",
            "type", "speaker", "source", "entities", "claim", "text");
    public static final List<String> GROUP_CSV_HEADER = List.of("id", "count", "article_count", "score", "type",
            "speakers", "claim", "articles");

    private DetectionReports() {
    }

    public static ObjectNode claim(DetectedClaim c) {
        ObjectNode n = JsonReports.mapper().createObjectNode();
        n.put("id", c.id());
        n.put("article", c.articleId());
        n.put("file", c.origin());
        n.put("text", c.text());
        n.put("start", c.span().start());
        n.put("end", c.span().end());
        n.put("sentence", c.sentence());
        n.put("score", JsonReports.round(c.score()));
        n.put("type", c.type().name().toLowerCase(Locale.ROOT));
        n.put("speaker", c.speaker());
        n.put("source", c.source());
        n.set("entities", JsonReports.mapper().valueToTree(c.entities()));
        n.put("claim", c.claim());
        return n;
    }

    public static ObjectNode group(ClaimGroup g) {
        ObjectNode n = JsonReports.mapper().createObjectNode();
        n.put("id", g.id());
        n.put("claim", g.claim());
        n.put("score", JsonReports.round(g.score()));
        n.put("type", g.type().name().toLowerCase(Locale.ROOT));
        n.put("count", g.count());
        n.set("articles", JsonReports.mapper().valueToTree(g.articles()));
        n.set("speakers", JsonReports.mapper().valueToTree(g.speakers()));
        ArrayNode app = n.putArray("appearances");
        for (DetectedClaim c : g.appearances()) {
            ObjectNode a = app.addObject();
            a.put("id", c.id());
            a.put("article", c.articleId());
            a.put("file", c.origin());
            a.put("start", c.span().start());
            a.put("end", c.span().end());
            a.put("score", JsonReports.round(c.score()));
            a.put("source", c.source());
            a.put("text", c.text());
        }
        return n;
    }

    public static String claimsJsonl(List<DetectedClaim> claims) {
        StringBuilder sb = new StringBuilder();
        for (DetectedClaim c : claims) {
            sb.append(JsonReports.toJson(claim(c), false)).append('\n');
        }
        return sb.toString();
    }

    public static String groupsJsonl(List<ClaimGroup> groups) {
        StringBuilder sb = new StringBuilder();
        for (ClaimGroup g : groups) {
            sb.append(JsonReports.toJson(group(g), false)).append('\n');
        }
        return sb.toString();
    }

    public static String claimsCsv(List<DetectedClaim> claims) {
        StringBuilder sb = new StringBuilder();
        row(sb, CLAIM_CSV_HEADER);
        for (DetectedClaim c : claims) {
            row(sb, List.of(c.id(), c.articleId(), nz(c.origin()), Integer.toString(c.span().start()),
                    Integer.toString(c.span().end()), score(c.score()), c.type().name().toLowerCase(Locale.ROOT),
                    nz(c.speaker()), nz(c.source()), String.join("; ", c.entities()), c.claim(), c.text()));
        }
        return sb.toString();
    }

    public static String groupsCsv(List<ClaimGroup> groups) {
        StringBuilder sb = new StringBuilder();
        row(sb, GROUP_CSV_HEADER);
        for (ClaimGroup g : groups) {
            row(sb, List.of(g.id(), Integer.toString(g.count()), Integer.toString(g.articles().size()),
                    score(g.score()), g.type().name().toLowerCase(Locale.ROOT), String.join("; ", g.speakers()),
                    g.claim(), String.join("; ", g.articles())));
        }
        return sb.toString();
    }

    private static String score(double s) {
        return String.format(Locale.ROOT, "%.4f", s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One RFC 4180 row: fields with a comma, quote or line break are quoted, quotes doubled. */
    static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append("\r\n");
    }
}
