package io.claimlens.nlp;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Language identification with OpenNLP's 103-language model (Maven artifact
 * {@code org.apache.opennlp:opennlp-models-langdetect}). Thread-safe.
 */
public final class LanguageIdentifier {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Texts shorter than this are too short to judge; they are assumed English. */
    public static final int MIN_CHARS = 80;
    private static final int MAX_CHARS = 4000;

    private final ThreadLocal<LanguageDetectorME> detector;

    public LanguageIdentifier() {
        LanguageDetectorModel model;
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL_RESOURCE + " not on the classpath"
                        + " (Maven artifact org.apache.opennlp:opennlp-models-langdetect:1.3.0)");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP language model", e);
        }
        this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    /** The ISO 639-3 code of the most probable language ("eng"), "eng" for texts under {@link #MIN_CHARS}. */
    public String identify(String text) {
        if (text.strip().length() < MIN_CHARS) {
            return "eng";
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Language best = detector.get().predictLanguage(sample);
        return best.getLang();
    }
}
