package io.claimlens.nlp;

import io.claimlens.model.Span;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence splitting with OpenNLP's English UD-EWT model (Maven artifact
 * {@code org.apache.opennlp:opennlp-models-sentdetect-en}), within paragraphs: no sentence crosses a paragraph
 * boundary.
 *
 * <p>Thread-safe: the model is shared, each thread gets its own detector.
 */
public final class SentenceSplitter {

    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private final ThreadLocal<SentenceDetectorME> detector;

    public SentenceSplitter() {
        SentenceModel model = loadModel();
        this.detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    private static SentenceModel loadModel() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP sentence model " + MODEL_RESOURCE + " not on the classpath"
                        + " (Maven artifact org.apache.opennlp:opennlp-models-sentdetect-en:1.3.0)");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP sentence model " + MODEL_RESOURCE, e);
        }
    }

    /**
     * Splits each paragraph of {@code text} into sentence spans (offsets into {@code text}, whitespace trimmed).
     *
     * @param text       the whole text
     * @param paragraphs ordered, non-overlapping paragraph spans
     * @return sentence spans with the index of their paragraph, in text order
     */
    public List<Located> split(String text, List<Span> paragraphs) {
        return mergeAfterTitles(text, splitRaw(text, paragraphs));
    }

    /**
     * Repairs the statistical model's two common news errors by joining a sentence to the next one in its paragraph
     * when it ends in a title abbreviation ("... said Rep. | Gwen Moore"), or when the next one starts in lower case
     * ("... Gwen Moore (D-Wis.) | said Friday.").
     */
    private static List<Located> mergeAfterTitles(String text, List<Located> in) {
        List<Located> out = new ArrayList<>(in.size());
        for (Located l : in) {
            if (!out.isEmpty()) {
                Located prev = out.get(out.size() - 1);
                if (prev.paragraph() == l.paragraph() && (endsWithTitle(text, prev.span())
                        || Character.isLowerCase(text.charAt(l.span().start())))) {
                    out.set(out.size() - 1, new Located(Span.of(prev.span().start(), l.span().end()),
                            l.paragraph()));
                    continue;
                }
            }
            out.add(l);
        }
        return out;
    }

    private static boolean endsWithTitle(String text, Span s) {
        int end = s.end();
        int start = end;
        while (start > s.start() && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String last = text.substring(start, end).replaceAll("^[\"'\u201C\u201D\u2018\u2019(\\[]+", "");
        return last.endsWith(".") && TITLES.contains(last);
    }

    private static final Lexicon TITLES = Lexicon.load("titles");

    private List<Located> splitRaw(String text, List<Span> paragraphs) {
        SentenceDetectorME d = detector.get();
        List<Located> out = new ArrayList<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            Span para = paragraphs.get(p);
            String ptext = text.substring(para.start(), para.end());
            for (opennlp.tools.util.Span s : d.sentPosDetect(ptext)) {
                int start = para.start() + s.getStart();
                int end = para.start() + s.getEnd();
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    out.add(new Located(Span.of(start, end), p));
                }
            }
        }
        return out;
    }

    /** A sentence span and the index of its paragraph. */
    public record Located(Span span, int paragraph) {
    }
}
