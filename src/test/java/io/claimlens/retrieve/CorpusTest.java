package io.claimlens.retrieve;

import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.NoSpeakerReason;
import io.claimlens.model.Quote;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import io.claimlens.testing.Articles;
import io.claimlens.testing.FakeEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index with hand-built analyses (no NLP models) and a fake encoder. */
class CorpusTest {

    @TempDir
    Path dir;

    /** An analysed article whose sentences are its lines, with optional quote attributions. */
    static AnalyzedArticle analysed(String id, String text, List<Attribution> quotes, List<EntityMention> persons) {
        Article a = Articles.of(id, text);
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        int i = 0;
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                sentences.add(new Sentence(id, i++, 0, Span.of(start, start + line.length()), line));
            }
            start += line.length() + 1;
        }
        List<List<io.claimlens.model.Token>> tokens = sentences.stream().map(s -> List.<io.claimlens.model.Token>of())
                .toList();
        return new AnalyzedArticle(a, "eng", sentences, tokens, persons, quotes);
    }

    static Attribution said(String articleId, String text, String quote, String speaker) {
        int s = text.indexOf(quote);
        return Attribution.speaker(new Quote(articleId, Span.of(s, s + quote.length()), quote, 0), speaker, speaker,
                null, SpeakerKind.PERSON, 0.9, "quote-intro-verb");
    }

    private static Corpus build(List<AnalyzedArticle> articles) throws IOException {
        CorpusWriter w = CorpusWriter.inMemory();
        for (AnalyzedArticle a : articles) {
            w.add(a);
        }
        return w.finish();
    }

    @Test
    void bm25FindsSentencesAndPhrasesRankHigher() throws IOException {
        String t1 = "The minister praised the close ties.\nTrade rose sharply last year.";
        String t2 = "Officials called them the closest of countries.\nThe weather was mild.";
        try (Corpus c = build(List.of(analysed("a1", t1, List.of(), List.of()),
                analysed("a2", t2, List.of(), List.of())))) {
            List<Corpus.SentenceHit> hits = c.searchSentences("closest countries ties", List.of("closest of countries"),
                    5);
            assertEquals("Officials called them the closest of countries.", hits.get(0).sentence().text());
            assertEquals("a2", hits.get(0).sentence().articleId());
            assertEquals(t2.indexOf("Officials"), hits.get(0).sentence().start());
            assertTrue(c.searchSentences("", List.of(), 5).isEmpty());
            assertTrue(c.searchSentences("zebra", List.of(), 5).isEmpty());
            assertEquals(2, c.articleCount());
        }
    }

    @Test
    void quotesAreFoundByPhraseWithTheirSpeakersCanonicalAcrossTheCollection() throws IOException {
        String t1 = "Choe Son Hui said we are brothers in every storm here.";
        String t2 = "Choe Son-hye said brothers in every storm again.";
        Attribution q1 = said("a1", t1, "we are brothers in every storm", "Choe Son Hui");
        Attribution q2 = said("a2", t2, "brothers in every storm", "Choe Son-hye");
        Attribution none = Attribution.none(new Quote("a2", Span.of(0, 4), "Choe", 0), NoSpeakerReason.SCARE_QUOTE,
                0.7, "scare-quote");
        List<EntityMention> p1 = List.of(new EntityMention("a1", Span.of(0, 12), "Choe Son Hui", EntityType.PERSON,
                "Choe Son Hui"), new EntityMention("a1", Span.of(0, 12), "Choe Son Hui", EntityType.PERSON,
                "Choe Son Hui"));
        List<EntityMention> p2 = List.of(new EntityMention("a2", Span.of(0, 12), "Choe Son-hye", EntityType.PERSON,
                "Choe Son-hye"));
        try (Corpus c = build(List.of(analysed("a1", t1, List.of(q1), p1), analysed("a2", t2, List.of(q2, none),
                p2)))) {
            List<Attribution> found = c.quotesContaining("brothers in every storm", 10);
            assertEquals(2, found.size());
            assertEquals("Choe Son Hui", found.get(1).canonicalSpeaker(), "variant mapped to the commoner spelling");
            assertEquals("Choe Son-hye", found.get(1).speaker());
            assertEquals(Span.of(t2.indexOf("brothers"), t2.indexOf("brothers") + 23), found.get(1).quote().span());
            assertTrue(c.quotesContaining("brothers in every sky", 10).isEmpty());
        }
    }

    @Test
    void checksumDependsOnContentNotOrder() throws IOException {
        AnalyzedArticle a = analysed("a", "One.", List.of(), List.of());
        AnalyzedArticle b = analysed("b", "Two.", List.of(), List.of());
        AnalyzedArticle b2 = analysed("b", "Two, edited.", List.of(), List.of());
        try (Corpus ab = build(List.of(a, b)); Corpus ba = build(List.of(b, a)); Corpus ab2 = build(List.of(a, b2))) {
            assertEquals(ab.checksum(), ba.checksum());
            assertNotEquals(ab.checksum(), ab2.checksum());
        }
    }

    @Test
    void onDiskIndexesAreIncremental() throws IOException {
        Path idx = dir.resolve("idx");
        CorpusWriter w = CorpusWriter.onDisk(idx);
        assertTrue(w.add(analysed("a", "Alpha text here.", List.of(), List.of())));
        assertTrue(w.add(analysed("b", "Beta text here.", List.of(), List.of())));
        w.finish().close();
        CorpusWriter again = CorpusWriter.onDisk(idx);
        assertFalse(again.add(analysed("a", "Alpha text here.", List.of(), List.of())), "unchanged: skipped");
        assertTrue(again.add(analysed("b", "Beta text, second version.", List.of(), List.of())), "changed: replaced");
        try (Corpus c = again.finish()) {
            assertEquals(2, c.articleCount());
            assertEquals(1, c.searchSentences("beta", List.of(), 10).size());
            assertEquals("Beta text, second version.", c.searchSentences("beta", List.of(), 10).get(0).sentence()
                    .text());
        }
        try (Corpus reopened = CorpusWriter.open(idx)) {
            assertEquals(2, reopened.articleCount());
        }
    }

    @Test
    void retrieverReranksDropsDuplicatesAndClaimRestatements() throws IOException {
        String t1 = "Fact check: Norland and Estovia are brothers in every storm says the envoy.\n"
                + "Norland and Estovia are brothers in every storm, said the envoy.\n"
                + "The envoy said the two nations are brothers in every storm.\n"
                + "Gas prices fell in March.";
        String t2 = "The envoy said the two nations are brothers in every storm.\nStorm warnings were issued.";
        try (Corpus c = build(List.of(analysed("a1", t1, List.of(), List.of()),
                analysed("a2", t2, List.of(), List.of())))) {
            EvidenceRetriever r = new EvidenceRetriever(new FakeEncoder(), new RetrievalConfig(10, 3, 0.7));
            Claim claim = new Claim("Norland and Estovia are brothers in every storm",
                    "Norland and Estovia are brothers in every storm", List.of("brothers in every storm"), null,
                    false, List.of(), ClaimType.FACTUAL);
            List<EvidenceRetriever.Candidate> ev = r.retrieve(c, claim);
            List<String> texts = ev.stream().map(e -> e.sentence().text()).toList();
            assertFalse(texts.stream().anyMatch(t -> t.startsWith("Fact check")), "a fact check of the claim is not "
                    + "evidence");
            assertTrue(texts.contains("Norland and Estovia are brothers in every storm, said the envoy."),
                    "the same words as news are evidence");
            assertEquals(1, texts.stream().filter(t -> t.startsWith("The envoy said")).count(), "duplicates once");
            assertTrue(ev.size() <= 3);
            for (int i = 1; i < ev.size(); i++) {
                assertTrue(ev.get(i - 1).score() >= ev.get(i).score());
            }
        }
    }

    @Test
    void configIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new RetrievalConfig(5, 10, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new RetrievalConfig(10, 5, 1.5));
    }
}
