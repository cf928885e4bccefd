package io.claimlens.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens a sentence encoder by its id as a model card names it: one {@link EncoderModel} id
 * ({@code all-minilm-l6-v2}), or several joined by {@code +} for a {@link ConcatenatedEncoder}.
 */
public final class SentenceEncoders {

    private SentenceEncoders() {
    }

    /** The models an id names, in order; an unknown part is an error naming it. */
    public static List<EncoderModel> models(String id) {
        List<EncoderModel> out = new ArrayList<>();
        for (String part : id.split("\\" + ConcatenatedEncoder.SEPARATOR, -1)) {
            out.add(EncoderModel.byId(part.strip()));
        }
        return out;
    }

    /** Opens the encoder(s) an id names with default settings; the caller closes it. */
    public static SentenceEncoder open(String id) {
        List<SentenceEncoder> parts = new ArrayList<>();
        try {
            for (EncoderModel m : models(id)) {
                parts.add(DjlSentenceEncoder.create(EncoderConfig.builder().setModel(m).build()));
            }
            return parts.size() == 1 ? parts.get(0) : new ConcatenatedEncoder(parts);
        } catch (RuntimeException e) {
            parts.forEach(SentenceEncoder::close);
            throw e;
        }
    }
}
