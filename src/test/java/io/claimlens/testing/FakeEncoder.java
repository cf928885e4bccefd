package io.claimlens.testing;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.model.ContentHash;
import io.claimlens.model.ModelRef;

import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in encoder for unit tests where the real model is not the subject: a hashed bag of
 * lower-cased words, L2-normalised, so texts sharing words have higher cosine. Counts calls for cache tests.
 */
public final class FakeEncoder implements SentenceEncoder {

    public static final int DIM = 64;
    private int texts;

    @Override
    public synchronized float[][] encode(List<String> in) {
        texts += in.size();
        float[][] out = new float[in.size()][];
        for (int i = 0; i < in.size(); i++) {
            out[i] = vector(in.get(i));
        }
        return out;
    }

    static float[] vector(String s) {
        float[] v = new float[DIM];
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!w.isEmpty()) {
                v[Math.floorMod(w.hashCode(), DIM)] += 1;
            }
        }
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        n = Math.sqrt(n);
        if (n > 0) {
            for (int i = 0; i < DIM; i++) {
                v[i] /= (float) n;
            }
        }
        return v;
    }

    public synchronized int textsEncoded() {
        return texts;
    }

    @Override
    public int dimension() {
        return DIM;
    }

    @Override
    public ModelRef modelRef() {
        return new ModelRef("embedding", "fake-bag-of-words", ContentHash.sha256Hex("fake"));
    }

    @Override
    public void close() {
    }
}
