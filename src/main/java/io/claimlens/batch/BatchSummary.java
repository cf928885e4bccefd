package io.claimlens.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.report.JsonReports;

import java.util.Map;

/**
 * What a batch run did: counts, timings and the verdict distribution; written to {@code summary.json}. Timings and
 * memory live here only, never in results.jsonl.
 *
 * @param claimsRead       claim lines read and parsed (duplicates included)
 * @param claimsChecked    claims checked in this run
 * @param claimsResumed    claims whose results an interrupted earlier run had already written
 * @param claimsFailed     claims that could not be checked (in errors.jsonl)
 * @param claimsDuplicate  claims skipped because their id came earlier in the input
 * @param claimLineErrors  claim lines that could not be read
 * @param articlesIndexed  articles analysed and indexed in this run
 * @param articlesUnchanged articles already in the index unchanged
 * @param articleProblems  articles (or files, lines) that could not be used
 * @param corpusArticles   articles in the corpus the claims were checked against
 * @param corpusChecksum   that corpus's checksum
 * @param results          records in results.jsonl at the end
 * @param verdicts         verdict label counts over all of results.jsonl
 * @param threads          threads used
 * @param nlpMode          NLP mode of the engine
 * @param indexSeconds     wall time of the index phase
 * @param checkSeconds     wall time of the check phase
 * @param checkP50Ms       median time to check one claim (this run's claims), ms
 * @param checkP95Ms       95th percentile, ms
 * @param peakRssMb        peak resident memory of the process, MiB (-1 if unknown)
 */
public record BatchSummary(long claimsRead, long claimsChecked, long claimsResumed, long claimsFailed,
                           long claimsDuplicate, long claimLineErrors, long articlesIndexed, long articlesUnchanged,
                           long articleProblems, long corpusArticles, String corpusChecksum, long results,
                           Map<String, Long> verdicts, int threads, String nlpMode, double indexSeconds,
                           double checkSeconds, double checkP50Ms, double checkP95Ms, long peakRssMb) {

    public BatchSummary {
        verdicts = Map.copyOf(verdicts);
    }

    /** Articles read per second in the index phase (indexed and unchanged). */
    public double articlesPerSecond() {
        return indexSeconds > 0 ? (articlesIndexed + articlesUnchanged) / indexSeconds : 0;
    }

    /** Claims checked per second in the check phase. */
    public double claimsPerSecond() {
        return checkSeconds > 0 ? claimsChecked / checkSeconds : 0;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonReports.mapper().createObjectNode();
        ObjectNode c = o.putObject("claims");
        c.put("read", claimsRead);
        c.put("checked", claimsChecked);
        c.put("resumed", claimsResumed);
        c.put("failed", claimsFailed);
        c.put("duplicates", claimsDuplicate);
        c.put("badLines", claimLineErrors);
        ObjectNode a = o.putObject("articles");
        a.put("indexed", articlesIndexed);
        a.put("unchanged", articlesUnchanged);
        a.put("problems", articleProblems);
        a.put("corpus", corpusArticles);
        a.put("corpusChecksum", corpusChecksum);
        o.put("results", results);
        ObjectNode v = o.putObject("verdicts");
        verdicts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> v.put(e.getKey(), e.getValue()));
        ObjectNode t = o.putObject("timings");
        t.put("threads", threads);
        t.put("nlpMode", nlpMode);
        t.put("indexSeconds", round(indexSeconds));
        t.put("articlesPerSecond", round(articlesPerSecond()));
        t.put("checkSeconds", round(checkSeconds));
        t.put("claimsPerSecond", round(claimsPerSecond()));
        t.put("checkP50Ms", round(checkP50Ms));
        t.put("checkP95Ms", round(checkP95Ms));
        o.put("peakRssMb", peakRssMb);
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
