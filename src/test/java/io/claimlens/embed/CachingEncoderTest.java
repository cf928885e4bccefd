package io.claimlens.embed;

import io.claimlens.testing.FakeEncoder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CachingEncoderTest {

    @Test
    void eachDistinctTextIsEncodedOnce() {
        FakeEncoder fake = new FakeEncoder();
        CachingEncoder cache = new CachingEncoder(fake, 100);
        float[][] first = cache.encode(List.of("a b", "c d"));
        float[][] second = cache.encode(List.of("c d", "a b", "e f"));
        assertEquals(3, fake.textsEncoded());
        assertArrayEquals(first[0], second[1]);
        assertArrayEquals(new long[] {2, 3}, cache.stats());
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvicted() {
        FakeEncoder fake = new FakeEncoder();
        CachingEncoder cache = new CachingEncoder(fake, 2);
        cache.encode(List.of("one"));
        cache.encode(List.of("two"));
        cache.encode(List.of("one"));
        cache.encode(List.of("three"));
        cache.encode(List.of("one"));
        assertEquals(3, fake.textsEncoded());
        cache.encode(List.of("two"));
        assertEquals(4, fake.textsEncoded());
    }
}
