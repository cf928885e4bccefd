package io.claimlens.embed;

import io.claimlens.model.ContentHash;
import io.claimlens.model.ModelRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An encoder that remembers vectors by (model hash, text hash), so a batch run embeds each distinct sentence once.
 *
 * <p>Bounded LRU in memory ({@code maxEntries}; 384 floats each, about 1.6 KB). Thread-safe: lookups and inserts
 * are synchronised; encoding of misses runs outside the lock, so two threads may both encode a sentence that
 * neither had yet (harmless: same vector).
 */
public final class CachingEncoder implements TokenStateEncoder {

    private final SentenceEncoder inner;
    private final String keyPrefix;
    private final Map<String, float[]> cache;
    private long hits;
    private long misses;

    public CachingEncoder(SentenceEncoder inner, int maxEntries) {
        this.inner = inner;
        this.keyPrefix = inner.modelRef().sha256().substring(0, 16) + ":";
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        List<String> keys = new ArrayList<>(texts.size());
        synchronized (cache) {
            for (int i = 0; i < texts.size(); i++) {
                String key = keyPrefix + ContentHash.sha256Hex(texts.get(i));
                keys.add(key);
                float[] v = cache.get(key);
                if (v != null) {
                    out[i] = v;
                    hits++;
                } else {
                    missing.add(i);
                    misses++;
                }
            }
        }
        if (!missing.isEmpty()) {
            List<String> todo = new ArrayList<>(missing.size());
            for (int i : missing) {
                todo.add(texts.get(i));
            }
            float[][] fresh = inner.encode(todo);
            synchronized (cache) {
                for (int k = 0; k < missing.size(); k++) {
                    out[missing.get(k)] = fresh[k];
                    cache.put(keys.get(missing.get(k)), fresh[k]);
                }
            }
        }
        return out;
    }

    /** Hits and misses so far. */
    public synchronized long[] stats() {
        synchronized (cache) {
            return new long[] {hits, misses};
        }
    }

    /**
     * Passed through to the wrapped encoder, uncached: token states are two orders of magnitude larger than a
     * vector.
     *
     * @throws UnsupportedOperationException if the wrapped encoder gives no token states
     */
    @Override
    public Encoded encodeWithStates(List<String> texts) {
        if (!(inner instanceof TokenStateEncoder states)) {
            throw new UnsupportedOperationException("encoder " + inner.modelRef().id() + " gives no token states");
        }
        return states.encodeWithStates(texts);
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public ModelRef modelRef() {
        return inner.modelRef();
    }

    @Override
    public void close() {
        inner.close();
    }
}
