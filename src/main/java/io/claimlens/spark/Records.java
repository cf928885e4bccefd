package io.claimlens.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.InputProblem;

import java.io.UncheckedIOException;

/**
 * What moves between a job's stages, as JSON strings (Spark ships strings without any knowledge of our types): an
 * article, an analysed article, or a problem. The model records map to JSON field by field and back exactly
 * (doubles round-trip), so what the driver indexes is what the executor analysed.
 */
final class Records {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Records() {
    }

    /** An article with its place in reading order (file index in the high 32 bits, record in the low). */
    static String article(Article a, long ordinal) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ordinal", ordinal);
        o.set("article", JSON.valueToTree(a));
        return write(o);
    }

    /** The reading-order place of an article record (0 for other records). */
    static long ordinal(String json) {
        try {
            return JSON.readTree(json).path("ordinal").asLong(0);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot decode a job record", e);
        }
    }

    static String analyzed(AnalyzedArticle a) {
        return write(JSON.createObjectNode().set("analyzed", JSON.valueToTree(a)));
    }

    static String problem(String kind, InputProblem p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", kind);
        o.set("problem", JSON.valueToTree(p));
        return write(o);
    }

    /** One decoded record: exactly one field is non-null. */
    record Decoded(Article article, AnalyzedArticle analyzed, InputProblem problem, String kind) {
    }

    static Decoded read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n.has("article")) {
                return new Decoded(JSON.treeToValue(n.get("article"), Article.class), null, null, null);
            }
            if (n.has("analyzed")) {
                return new Decoded(null, JSON.treeToValue(n.get("analyzed"), AnalyzedArticle.class), null, null);
            }
            return new Decoded(null, null, JSON.treeToValue(n.get("problem"), InputProblem.class),
                    n.path("kind").asText("article"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot decode a job record", e);
        }
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
