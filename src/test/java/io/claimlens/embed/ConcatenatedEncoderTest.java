package io.claimlens.embed;

import io.claimlens.model.ContentHash;
import io.claimlens.model.ModelRef;
import io.claimlens.testing.FakeEncoder;
import io.claimlens.train.EmbeddingTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcatenatedEncoderTest {

    /** A fake encoder under another name, whose vectors differ from {@link FakeEncoder}'s (words reversed). */
    private static final class Renamed implements SentenceEncoder {
        private final String id;
        private final FakeEncoder inner = new FakeEncoder();
        private final AtomicInteger closed;
        private final boolean failOnClose;

        Renamed(String id, AtomicInteger closed, boolean failOnClose) {
            this.id = id;
            this.closed = closed;
            this.failOnClose = failOnClose;
        }

        @Override
        public float[][] encode(List<String> texts) {
            return inner.encode(texts.stream().map(t -> id + " " + t).toList());
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public ModelRef modelRef() {
            return new ModelRef("embedding", id, ContentHash.sha256Hex(id));
        }

        @Override
        public void close() {
            closed.incrementAndGet();
            if (failOnClose) {
                throw new IllegalStateException("close failed: " + id);
            }
        }
    }

    @Test
    void vectorsSitSideBySideAsOneUnitVector() {
        AtomicInteger closed = new AtomicInteger();
        Renamed a = new Renamed("alpha", closed, false);
        Renamed b = new Renamed("beta", closed, false);
        try (ConcatenatedEncoder both = new ConcatenatedEncoder(List.of(a, b))) {
            List<String> texts = List.of("troops were sent to the border", "the border is closed");
            float[][] v = both.encode(texts);
            assertEquals(2 * FakeEncoder.DIM, both.dimension());
            assertEquals(2 * FakeEncoder.DIM, v[0].length);
            assertEquals(1.0, SentenceEncoder.cosine(v[0], v[0]), 1e-6, "a unit vector");
            double meanOfParts = (SentenceEncoder.cosine(a.encode(texts.get(0)), a.encode(texts.get(1)))
                    + SentenceEncoder.cosine(b.encode(texts.get(0)), b.encode(texts.get(1)))) / 2;
            assertEquals(meanOfParts, SentenceEncoder.cosine(v[0], v[1]), 1e-6,
                    "the dot product is the mean of the parts' cosines");
            float[] first = a.encode(texts.get(0));
            assertEquals(first[3] / Math.sqrt(2), v[0][3], 1e-6);
        }
        assertEquals(2, closed.get(), "closing closes every part");
    }

    @Test
    void theIdentityNamesThePartsInOrder() {
        AtomicInteger closed = new AtomicInteger();
        ModelRef ab = new ConcatenatedEncoder(List.of(new Renamed("alpha", closed, false),
                new Renamed("beta", closed, false))).modelRef();
        ModelRef ba = new ConcatenatedEncoder(List.of(new Renamed("beta", closed, false),
                new Renamed("alpha", closed, false))).modelRef();
        assertEquals("alpha+beta", ab.id());
        assertNotEquals(ab.sha256(), ba.sha256(), "a model trained on one order refuses the other");
        assertThrows(IllegalArgumentException.class, () -> new ConcatenatedEncoder(List.of(new FakeEncoder())));
    }

    @Test
    void everyPartIsClosedEvenWhenOneFails() {
        AtomicInteger closed = new AtomicInteger();
        ConcatenatedEncoder both = new ConcatenatedEncoder(List.of(new Renamed("alpha", closed, true),
                new Renamed("beta", closed, false)));
        IllegalStateException e = assertThrows(IllegalStateException.class, both::close);
        assertTrue(e.getMessage().contains("alpha"));
        assertEquals(2, closed.get());
    }

    @Test
    void trainingTablesJoinVectorsAsTheEncoderDoes() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        ConcatenatedEncoder both = new ConcatenatedEncoder(List.of(new Renamed("alpha", closed, false),
                new Renamed("beta", closed, false)));
        List<String> texts = List.of("one claim", "another claim", "one claim");
        EmbeddingTable table = EmbeddingTable.build(both, texts, null, new PrintStream(new ByteArrayOutputStream()));
        float[][] direct = both.encode(texts);
        assertArrayEquals(direct[0], table.get("one claim"));
        assertArrayEquals(direct[1], table.get("another claim"));
    }

    @Test
    void idsNameKnownModels() {
        assertEquals(List.of(EncoderModel.ALL_MINILM_L6_V2, EncoderModel.BGE_SMALL_EN_V15_Q),
                SentenceEncoders.models("all-minilm-l6-v2+bge-small-en-v1.5-q"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SentenceEncoders.models("all-minilm-l6-v2+nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
