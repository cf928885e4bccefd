package io.claimlens.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.model.InputProblem;
import io.claimlens.model.Report;
import io.claimlens.report.JsonReports;

/**
 * The line formats of a batch's output, shared by the command-line batch and the Spark job so that their results
 * can be compared byte for byte.
 *
 * <ul>
 *   <li>results.jsonl: {@code {"claimId": ..., <the check report's fields, as JsonReports.report gives them>}},
 *       one line per claim. Nothing in it depends on time, threads or order, so a resumed run equals an
 *       uninterrupted one record by record.</li>
 *   <li>errors.jsonl: {@code {"kind": "article"|"claim", "file", "line", "field", "stage", "message"}}, plus
 *       {@code "claimId"} for a claim that was read but failed.</li>
 * </ul>
 */
public final class ResultRecords {

    private ResultRecords() {
    }

    /** The results.jsonl record of one claim. */
    public static ObjectNode result(String claimId, Report report, boolean withProvenance) {
        ObjectNode o = JsonReports.mapper().createObjectNode();
        o.put("claimId", claimId);
        o.setAll(JsonReports.report(report, withProvenance));
        return o;
    }

    /** The results.jsonl line (no newline) of one claim. */
    public static String resultLine(String claimId, Report report, boolean withProvenance) {
        return JsonReports.toJson(result(claimId, report, withProvenance), false);
    }

    /** The errors.jsonl line (no newline) of a problem; {@code claimId} may be null. */
    public static String errorLine(String kind, InputProblem p, String claimId) {
        ObjectNode o = JsonReports.mapper().createObjectNode();
        o.put("kind", kind);
        if (claimId != null) {
            o.put("claimId", claimId);
        }
        o.put("file", p.origin());
        o.put("line", p.line());
        o.put("field", p.field());
        o.put("stage", p.stage());
        o.put("message", p.message());
        return JsonReports.toJson(o, false);
    }

    /** The verdict label of a results.jsonl record, or null. */
    static String verdictOf(JsonNode result) {
        JsonNode v = result.path("verdict").path("label");
        return v.isTextual() ? v.asText() : null;
    }
}
