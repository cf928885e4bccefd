package io.claimlens.report;

import io.claimlens.model.Attribution;
import io.claimlens.model.ContentHash;
import io.claimlens.model.Provenance;
import io.claimlens.model.Report;
import io.claimlens.model.VerdictLabel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * HTML for many reports: an index page with a sortable, filterable table of the claims (verdict, confidence,
 * speaker, sources) linking to one page per claim ({@link HtmlReport}), all in one directory with relative links.
 *
 * <pre>{@code
 * RenderOptions options = RenderOptions.builder().optReliability(Reliability.ofModel(config.verdictModel())).build();
 * HtmlReports.write(outDir, reports, options, r -> ArticleContext.of(r, corpus::sentencesOf, 1));
 * }</pre>
 *
 * <p>The index page runs one small inline script (sorting and filtering), allowed by its Content-Security-Policy
 * through the script's hash and nothing else; without script the table is still complete. Claim pages run no
 * script. Page file names come from report ids, made safe for any file system ({@link #pageNames}).
 */
public final class HtmlReports {

    /** The index page's file name. */
    public static final String INDEX = "index.html";

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final String SCRIPT = Templates.resource("index.js");
    private static final String INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src "
            + Templates.cspHash(SCRIPT) + "; img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlReports() {
    }

    /**
     * The page file name of each report, in order: the report id when it is a plain name ({@code r3f…}.html), else
     * a plain prefix of it and a hash; a name used twice (the same claim checked twice) gets {@code -2}, {@code -3}.
     */
    public static List<String> pageNames(List<Report> reports) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        used.add(INDEX.toLowerCase(Locale.ROOT));
        for (Report r : reports) {
            String base = baseName(r.id());
            String name = base + ".html";
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n + ".html";
            }
            names.add(name);
        }
        return names;
    }

    static String baseName(String id) {
        if (SAFE_NAME.matcher(id).matches() && !id.equalsIgnoreCase("index")) {
            return id;
        }
        String plain = id.replaceAll("[^A-Za-z0-9_-]", "");
        plain = plain.length() > 40 ? plain.substring(0, 40) : plain;
        return (plain.isEmpty() ? "report" : plain) + "-" + ContentHash.sha256Hex(id).substring(0, 12);
    }

    /** The index page for {@code reports}, linking to {@link #pageNames}. */
    public static String renderIndex(List<Report> reports, RenderOptions options) {
        return renderIndex(reports, pageNames(reports), options);
    }

    /** Row of the index table. Public only because the template engine reads it reflectively. */
    public record Row(String href, String claim, String verdict, String verdictCls, int verdictOrder,
                      String confidence, String confidenceValue, String speaker, int sourceCount,
                      String sourceLabels) {
    }

    /** A name and a count (verdict totals). */
    public record Count(String name, int value) {
    }

    /** A grade of the verdict filter. */
    public record GradeOption(String name, String cls) {
    }

    static String renderIndex(List<Report> reports, List<String> pages, RenderOptions options) {
        List<Row> rows = new ArrayList<>();
        Map<VerdictLabel, Integer> counts = new EnumMap<>(VerdictLabel.class);
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            VerdictLabel l = r.verdict().label();
            counts.merge(l, 1, Integer::sum);
            Set<String> labels = new LinkedHashSet<>();
            r.articles().forEach(s -> labels.add(Citation.shortLabel(s)));
            rows.add(new Row(pages.get(i), r.claim().text(), l.alternateName(), HtmlReport.gradeCls(l), l.ordinal(),
                    HtmlReport.percent(r.verdict().confidence(), 0),
                    String.format(Locale.ROOT, "%.4f", r.verdict().confidence()), speaker(r), r.articles().size(),
                    String.join(", ", labels)));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("csp", INDEX_CSP);
        m.put("title", "ClaimLens: " + reports.size() + " claim" + (reports.size() == 1 ? "" : "s") + " checked");
        m.put("rows", rows);
        List<Count> totals = new ArrayList<>();
        counts.forEach((l, n) -> totals.add(new Count(l.alternateName(), n)));
        m.put("counts", totals);
        List<GradeOption> grades = new ArrayList<>();
        for (VerdictLabel l : VerdictLabel.values()) {
            grades.add(new GradeOption(l.alternateName(), HtmlReport.gradeCls(l)));
        }
        m.put("grades", grades);
        m.put("provenance", options.provenance() ? provenance(reports, options.shownRun()) : null);
        m.put("script", SCRIPT);
        return Templates.render("index.peb", m);
    }

    /** The speaker the claim's quoted words are attributed to, else the speaker the claim names, else "". */
    static String speaker(Report r) {
        for (Attribution a : r.attributions()) {
            if (a.hasSpeaker()) {
                return a.canonicalSpeaker();
            }
        }
        return r.claim().speaker() == null ? "" : r.claim().speaker() + " (named in the claim, not found)";
    }

    /** Engine version and corpus checksum when all reports share them, and the run. */
    private static String provenance(List<Report> reports, RunInfo run) {
        Set<String> versions = new LinkedHashSet<>();
        Set<String> corpora = new LinkedHashSet<>();
        for (Report r : reports) {
            Provenance p = r.provenance();
            versions.add(p.engineVersion());
            corpora.add(p.corpusChecksum() + " (" + p.articleCount() + " articles)");
        }
        StringBuilder sb = new StringBuilder("ClaimLens ").append(String.join(", ", versions));
        if (corpora.size() == 1) {
            sb.append(" · corpus checksum ").append(corpora.iterator().next());
        } else if (!corpora.isEmpty()) {
            sb.append(" · ").append(corpora.size()).append(" corpora");
        }
        if (run != null) {
            sb.append(" · run ").append(run.describe());
        }
        sb.append(" · each claim page lists its models and configuration");
        return sb.toString();
    }

    /**
     * Writes {@code index.html} and one page per report into {@code dir} (created if needed; existing pages of the
     * same names are replaced). Each page links back to the index.
     *
     * @param contexts the article context of each report (e.g. {@code r -> ArticleContext.of(r, corpus::sentencesOf,
     *                 1)}, or {@code r -> ArticleContext.none()})
     * @return the index page's path
     */
    public static Path write(Path dir, List<Report> reports, RenderOptions options,
                             Function<Report, ArticleContext> contexts) throws IOException {
        Files.createDirectories(dir);
        List<String> pages = pageNames(reports);
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            RenderOptions o = options.withContext(contexts.apply(r)).withIndexHref(INDEX);
            Files.writeString(dir.resolve(pages.get(i)), HtmlReport.render(r, o), StandardCharsets.UTF_8);
        }
        Path index = dir.resolve(INDEX);
        Files.writeString(index, renderIndex(reports, pages, options), StandardCharsets.UTF_8);
        return index;
    }
}
