package io.claimlens.batch;

import io.claimlens.model.ContentHash;
import io.claimlens.model.Report;
import io.claimlens.report.MarkdownReport;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * Per-claim report files of a batch, under {@code out/reports/}: {@code <claim id>.md} (the {@code check} command's
 * Markdown report) and {@code <claim id>.html} (the same report rendered to a standalone HTML page). Files are
 * written to a temporary name and renamed, so a reader never sees half a report. Thread-safe.
 */
public final class ReportFiles {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    private ReportFiles() {
    }

    /** A file name for a claim id: the id itself when it is safe, else a cleaned form with a short hash. */
    public static String fileName(String claimId) {
        String clean = claimId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (clean.equals(claimId) && !clean.isEmpty() && !clean.startsWith(".") && clean.length() <= 120) {
            return clean;
        }
        String head = clean.length() > 80 ? clean.substring(0, 80) : clean;
        // an empty id would give a hidden ".md" file: every name starts with something visible
        return (head.isEmpty() ? "_" : head.replaceFirst("^\\.+", "_")) + "-"
                + ContentHash.sha256Hex(claimId).substring(0, 10);
    }

    /** Writes the requested formats for one claim. */
    static void write(Path dir, String claimId, Report report, Set<BatchOptions.ReportFormat> formats,
                      boolean withProvenance) throws IOException {
        if (formats.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        String markdown = MarkdownReport.render(report, withProvenance);
        String name = fileName(claimId);
        if (formats.contains(BatchOptions.ReportFormat.MARKDOWN)) {
            atomicWrite(dir.resolve(name + ".md"), markdown);
        }
        if (formats.contains(BatchOptions.ReportFormat.HTML)) {
            atomicWrite(dir.resolve(name + ".html"), html(report.claim().text(), markdown));
        }
    }

    /** A standalone HTML page for a Markdown report. */
    public static String html(String title, String markdown) {
        String body = HTML.render(MARKDOWN.parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(title) + "</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;"
                + "line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}"
                + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void atomicWrite(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
