package io.claimlens.bench;

import io.claimlens.datasets.PolNear;
import io.claimlens.model.Attribution;
import io.claimlens.model.NoSpeakerReason;
import io.claimlens.model.Quote;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteScoringTest {

    @TempDir
    Path dir;

    //                       0         1         2         3         4         5         6         7         8
    //                       0123456789012345678901234567890123456789012345678901234567890123456789012345678901
    static final String TEXT = "\u201CWe will win,\u201D Anna Weber said. She added: \u201CNo doubt.\u201D Fans call it \u201Cmagic.\u201D";

    static Span span(String s) {
        int i = TEXT.indexOf(s);
        return Span.of(i, i + s.length());
    }

    static PolNear.Relation rel(String content, String source) {
        return new PolNear.Relation(List.of(span(content)), content, source == null ? List.of() : List.of(span(source)),
                source, List.of());
    }

    static Attribution said(String quote, String speaker, String canonical, Span speakerSpan) {
        return Attribution.speaker(new Quote("a", span(quote), quote, 0), speaker, canonical, speakerSpan,
                SpeakerKind.PERSON, 0.8, "r");
    }

    @Test
    void contentAndSourceMatchingFollowTheProtocol() {
        List<PolNear.Relation> gold = List.of(rel("\u201CWe will win,\u201D", "Anna Weber"),
                rel("\u201CNo doubt.\u201D", "She"));
        List<Span> quotes = List.of(span("We will win"), span("No doubt."), span("magic."));
        List<Attribution> predicted = List.of(
                said("We will win", "Anna Weber", "Anna Weber", span("Anna Weber")),   // right by span
                said("No doubt.", "She", "Anna Weber", span("She")),                  // right by the mention
                Attribution.none(new Quote("a", span("magic."), "magic.", 0), NoSpeakerReason.SCARE_QUOTE, 0.7, "s"));
        QuoteScoring.Counts c = QuoteScoring.score(TEXT, gold, predicted, quotes);
        assertEquals(2, c.predicted());
        assertEquals(2, c.predictedMatched());
        assertEquals(2, c.gold());
        assertEquals(2, c.goldMatched());
        assertEquals(2, c.sourceRight());
        assertEquals(1.0, c.f1());
        assertEquals(3, c.judged().size());
        assertTrue(c.judged().get(2).correct(), "no speaker where gold has no sourced quote is right");
    }

    @Test
    void aPronounSourceIsMatchedOnlyByItsMention() {
        List<PolNear.Relation> gold = List.of(rel("\u201CNo doubt.\u201D", "She"));
        List<Span> quotes = List.of(span("No doubt."));
        QuoteScoring.Counts c = QuoteScoring.score(TEXT, gold, List.of(
                said("No doubt.", "Weber", "Anna Weber", span("Anna Weber"))), quotes);
        assertEquals(0, c.sourceRight());
    }

    @Test
    void wrongSpeakersAndSpuriousQuotesCount() {
        List<PolNear.Relation> gold = List.of(rel("\u201CWe will win,\u201D", "Anna Weber"));
        List<Span> quotes = List.of(span("We will win"), span("magic."));
        List<Attribution> predicted = List.of(
                said("We will win", "Fans", "Fans", span("Fans")),
                said("magic.", "Fans", "Fans", span("Fans")));
        QuoteScoring.Counts c = QuoteScoring.score(TEXT, gold, predicted, quotes);
        assertEquals(0.5, c.precision());
        assertEquals(1.0, c.recall());
        assertEquals(0.0, c.sourceAccuracy());
        assertFalse(c.judged().get(0).correct());
    }

    @Test
    void titlesDoNotCountAsNameMatches() {
        assertTrue(QuoteScoring.words("President Barack Obama").contains("obama"));
        assertFalse(QuoteScoring.words("President Barack Obama").contains("president"));
    }

    @Test
    void readsBratStandoffWithDiscontinuousSpansAndOneAnnotatorPerArticle() throws IOException {
        Path base = dir.resolve("data/test");
        Files.createDirectories(base.resolve("text"));
        Files.createDirectories(base.resolve("attributions"));
        Files.writeString(base.resolve("text/a.txt"), "Bob said we go, he said, now.");
        Files.writeString(base.resolve("attributions/a_0001.ann"), String.join("\n",
                "T1\tSource 0 3\tBob", "T2\tCue 4 8\tsaid", "T3\tContent 9 14;25 28\twe go now",
                "T4\tAttribution 4 8\tsaid", "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1", ""));
        Files.writeString(base.resolve("attributions/a_ffff.ann"), "T1\tSource 0 3\tBob\n");
        List<PolNear.Doc> docs = PolNear.read(dir, "test");
        assertEquals(1, docs.size());
        PolNear.Relation r = docs.get(0).relations().get(0);
        assertEquals(List.of(Span.of(9, 14), Span.of(25, 28)), r.content());
        assertEquals("Bob", r.sourceText());
        assertEquals("a", docs.get(0).article().id());
    }
}
