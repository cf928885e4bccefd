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
