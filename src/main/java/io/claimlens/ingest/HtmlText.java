package io.claimlens.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Extracts readable text from HTML: block elements become paragraphs (blank line between them), scripts,
 * styles, frames and forms are dropped, whitespace is collapsed.
 *
 * <p>jsoup's HTML parser resolves no external entities and expands no DTD entities, so entity bombs and XXE
 * cannot reach the engine through this path.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "tr", "table", "br",
            "figcaption", "dd", "dt", "main", "aside", "nav", "hr", "title");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "iframe", "template",
            "svg", "form", "button", "select", "object", "embed", "head");

    /** Title and text of an HTML document. */
    public record Extracted(String title, String text) {
    }

    private HtmlText() {
    }

    public static Extracted extract(String html) {
        return extract(Jsoup.parse(html));
    }

    /**
     * Extracts from HTML bytes (a crawled page): {@code charset} from the HTTP header when known, else
     * {@code null} to let jsoup take it from a byte-order mark or a {@code <meta charset>}, defaulting to UTF-8.
     */
    public static Extracted extract(InputStream html, String charset, String baseUri) throws IOException {
        return extract(Jsoup.parse(html, charset, baseUri == null ? "" : baseUri));
    }

    private static Extracted extract(Document doc) {
        String title = doc.title().isBlank() ? null : doc.title().strip();
        if (title == null) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null || h1.text().isBlank() ? null : h1.text().strip();
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !insideDropped(t)) {
                    appendCollapsed(out, t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    paragraphBreak(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    paragraphBreak(out);
                }
            }
        }, doc.body());
        return new Extracted(title, out.toString().strip());
    }

    private static boolean insideDropped(Node n) {
        for (Node p = n.parentNode(); p != null; p = p.parentNode()) {
            if (p instanceof Element e && DROPPED.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static void appendCollapsed(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c) || c == '\u00A0';
            if (space) {
                int len = out.length();
                if (len > 0 && out.charAt(len - 1) != ' ' && out.charAt(len - 1) != '\n') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }

    private static void paragraphBreak(StringBuilder out) {
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(--len);
        }
        if (len == 0 || (len >= 2 && out.charAt(len - 1) == '\n' && out.charAt(len - 2) == '\n')) {
            return;
        }
        out.append(out.charAt(len - 1) == '\n' ? "\n" : "\n\n");
    }
}
