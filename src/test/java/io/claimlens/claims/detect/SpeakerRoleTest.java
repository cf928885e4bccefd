package io.claimlens.claims.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpeakerRoleTest {

    @Test
    void aModeratorAsksAndACandidateSpeaksMost() {
        List<String> speakers = List.of("HOLT", "TRUMP", "TRUMP", "holt ", "TRUMP", "CLINTON");
        List<String> texts = List.of("What is your plan?", "We lost 70,000 factories.", "Believe me.",
                "Secretary Clinton, your response?", "China is taking our jobs.", "That is not true.");
        List<SpeakerRole> roles = SpeakerRole.of(speakers, texts);
        SpeakerRole holt = roles.get(0);
        SpeakerRole trump = roles.get(1);
        assertEquals(holt, roles.get(3), "speaker names are compared trimmed and case-insensitively");
        assertEquals(2.0 / 6, holt.share(), 1e-12);
        assertEquals(1.0, holt.questionRate(), 1e-12);
        assertEquals(3.0 / 6, trump.share(), 1e-12);
        assertEquals(0.0, trump.questionRate(), 1e-12);
        assertEquals(1.0, roles.get(5).known());
    }

    @Test
    void theInputEndsWithTheRoleOnlyForASpeakerModel() {
        float[] emb = {0.5f, -0.5f};
        SpeakerRole role = new SpeakerRole(1, 0.25, 0.75);
        double[] with = CheckworthinessModel.input(CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT_SPEAKER, emb,
                "We cut taxes by 20 percent.", emb, role);
        double[] without = CheckworthinessModel.input(CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT, emb,
                "We cut taxes by 20 percent.", emb, role);
        assertEquals(without.length + SpeakerRole.NAMES.size(), with.length);
        assertArrayEquals(role.values(), java.util.Arrays.copyOfRange(with, without.length, with.length));
        double[] unknown = CheckworthinessModel.input(CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT_SPEAKER, emb,
                "We cut taxes by 20 percent.", emb, null);
        assertArrayEquals(SpeakerRole.UNKNOWN.values(),
                java.util.Arrays.copyOfRange(unknown, without.length, unknown.length));
    }

    @Test
    void mismatchedListsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpeakerRole.of(List.of("A"), List.of()));
    }
}
