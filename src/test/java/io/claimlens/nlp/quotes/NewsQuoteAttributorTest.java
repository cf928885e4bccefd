package io.claimlens.nlp.quotes;

import io.claimlens.bench.AttributionGold;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.NoSpeakerReason;
import io.claimlens.model.SpeakerKind;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.testing.Articles;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Integration: attribution on real CoreNLP tokens and entities. */
class NewsQuoteAttributorTest {

    private final NlpPipeline nlp = Fixtures.lightPipeline();

    private List<Attribution> attribute(String text) {
        return nlp.analyze(Articles.of(text)).attributions();
    }

    private static Map<String, List<Attribution>> analyse(NlpPipeline nlp, Path dir) {
        Map<String, List<Attribution>> byFile = new HashMap<>();
        for (Article a : new ArticleReader().readAll(List.of(dir)).articles()) {
            AnalyzedArticle an = nlp.analyze(a);
            String file = Path.of(a.origin().replaceFirst(":\\d+$", "")).getFileName().toString();
            byFile.computeIfAbsent(file, k -> new java.util.ArrayList<>()).addAll(an.attributions());
        }
        return byFile;
    }

    @Test
    void seedNewsArticlesMeetTheNinetyPercentBar() throws IOException {
        Path seeds = Fixtures.seeds();
        assumeTrue(seeds != null, "../shared/seeds not present");
        List<AttributionGold.Entry> gold = AttributionGold.read(Path.of("training-data/attribution/gold-seeds.tsv"))
                .stream().filter(e -> e.file().matches("00[234]_.*")).toList();
        List<AttributionGold.Outcome> out = AttributionGold.score(gold, analyse(nlp, seeds));
        String wrong = out.stream().filter(o -> !o.correct()).map(o -> o.gold() + " -> " + o.predicted())
                .collect(Collectors.joining("\n"));
        assertTrue(AttributionGold.accuracy(out) >= 0.90, "accuracy " + AttributionGold.accuracy(out) + "\n" + wrong);
    }

    @Test
    void ourExamplesAreAttributed() throws IOException {
        List<AttributionGold.Entry> gold = AttributionGold.read(Path.of("training-data/attribution/gold-examples.tsv"));
        List<AttributionGold.Outcome> out = AttributionGold.score(gold, analyse(nlp, Fixtures.examples()));
        String wrong = out.stream().filter(o -> !o.correct()).map(o -> o.gold() + " -> " + o.predicted())
                .collect(Collectors.joining("\n"));
        assertTrue(AttributionGold.accuracy(out) >= 0.85, "accuracy " + AttributionGold.accuracy(out) + "\n" + wrong);
    }

    @Test
    void speakerBeforeVerbAndColon() {
        Attribution a = attribute("The ambassador, Alexandr Matsegora, stated: \u201COur countries are the closest "
                + "of friends.\u201D").get(0);
        assertEquals("Alexandr Matsegora", a.canonicalSpeaker());
        assertEquals(SpeakerKind.PERSON, a.kind());
        assertEquals("quote-intro-verb", a.rule());
    }

    @Test
    void invertedTrailingSpeaker() {
        Attribution a = attribute("\u201CWe will not back down,\u201D said Maria Lopez, the union's leader.").get(0);
        assertEquals("Maria Lopez", a.canonicalSpeaker());
        assertEquals("trailing-said", a.rule());
    }

    @Test
    void pronounSpeakersResolveToTheRightPerson() {
        List<Attribution> a = attribute("Anna Weber met Tom Fischer on Monday. Weber said her party was ready. "
                + "Fischer left early.\n\nShe told reporters: \u201CWe have a deal.\u201D");
        assertEquals("Anna Weber", a.get(0).canonicalSpeaker());
        assertTrue(a.get(0).rule().endsWith("+pronoun"), a.get(0).rule());
    }

    @Test
    void groupsKeepTheirOwnPhrase() {
        Attribution a = attribute("Western diplomats called the vote \u201Ca farce staged for the cameras.\u201D")
                .get(0);
        assertEquals(SpeakerKind.GROUP, a.kind());
        assertEquals("Western diplomats", a.speaker());
    }

    @Test
    void splitQuotesShareTheirSpeaker() {
        List<Attribution> a = attribute("\u201CThe first half is here,\u201D Petra Novak said, \u201Cand the "
                + "second half follows.\u201D");
        assertEquals(2, a.size());
        assertEquals("Petra Novak", a.get(0).canonicalSpeaker());
        assertEquals("Petra Novak", a.get(1).canonicalSpeaker());
    }

    @Test
    void scareQuotesAndDocumentWordingHaveNoSpeaker() {
        List<Attribution> a = attribute("The city wants to \u201Cmodernise\u201D its tram network.\n\n"
                + "The agreement provides for \u201Cmutual help in case of a disaster.\u201D");
        assertNull(a.get(0).speaker());
        assertEquals(NoSpeakerReason.SCARE_QUOTE, a.get(0).noSpeakerReason());
        assertEquals(NoSpeakerReason.DOCUMENT_TEXT, a.get(1).noSpeakerReason());
    }

    @Test
    void newsPatternsFromPoliticalCoverage() {
        List<Attribution> a = attribute("\u201CIt is a dog whistle,\u201D Rep. Gwen Moore (D-Wis.) said Friday. "
                + "\u201CWe will not stay silent.\u201D");
        assertEquals("Gwen Moore", a.get(0).canonicalSpeaker(), "title and party label around the name");
        assertEquals("Gwen Moore", a.get(1).canonicalSpeaker(), "a following quotation continues the speaker");
        List<Attribution> b = attribute("\u201CDoes anybody know what the platform is?\u201D Graham asked.");
        assertEquals("Graham", b.get(0).speaker(), "the speech tag is the next sentence");
        List<Attribution> c = attribute("Politifact checked Donald Trump\u2019s claim that there were "
                + "\u201Cthousands of shootings\u201D in the city.");
        assertEquals("possessive-speech-noun", c.get(0).rule());
        assertEquals("Donald Trump", c.get(0).canonicalSpeaker());
        List<Attribution> d = attribute("\u201CThe system is rigged against us.\u201D \u2015 Sonya Herridge");
        assertEquals("Sonya Herridge", d.get(0).canonicalSpeaker(), "a dash signature");
        List<Attribution> e = attribute("The debate ran late.\n\n\u201CWALLACE: Do you really see those two as "
                + "equivalent?\n\n\u201CPENCE: Well, look, they are not.\u201D");
        assertEquals("WALLACE", e.get(0).speaker());
        assertEquals("PENCE", e.get(1).speaker(), "a transcript line names its own speaker");
        assertEquals("transcript", e.get(1).rule());
    }

    @Test
    void unnamedSubjectsAndUnresolvedPronounsStillSpeak() {
        Attribution a = attribute("At the forum, one questioner claimed that \u201Cthe forces of correctness\u201D "
                + "were winning.").get(0);
        assertEquals("one questioner", a.speaker());
        assertEquals(SpeakerKind.GROUP, a.kind());
        Attribution b = attribute("He says: \u201CI wonder why it was bad. Think of that.\u201D").get(0);
        assertEquals("He", b.speaker(), "nobody to resolve to: the pronoun is the speaker at the site");
        assertTrue(b.rule().endsWith("+pronoun-unresolved"), b.rule());
    }

    @Test
    void tagsAfterAQuotationThatRunsOn() {
        List<Attribution> a = attribute("The vote was close.\n\n\u201CThey would have gone to the only bill with "
                + "support from both parties,\u201D Toomey fumed on Tuesday.");
        assertEquals("Toomey", a.get(0).speaker(), "a verb that is no speech verb, after a quotation ending in a comma");
        List<Attribution> b = attribute("\u201CIt is an invasion of the state regulatory domain,\u201D Scott Pruitt, "
                + "the attorney general of Oklahoma, one of the states suing the agency, said at an event.");
        assertEquals("Scott Pruitt", b.get(0).canonicalSpeaker(), "an appositive between the name and the verb");
        List<Attribution> c = attribute("\u201CHe had a lot of supporters in the state,\u201D Blunt, after a long "
                + "pause, said of Cruz.");
        assertEquals("Blunt", c.get(0).speaker(), "a name the tagger may miss, then an appositive and the verb");
    }

    @Test
    void organisationsDocumentsAndItAfterTheQuotation() {
        List<Attribution> a = attribute("The Times reported on the company in 1990.\n\n\u201CThe developer has "
                + "managed to erase much of his debt and is moving ahead,\u201D the Times wrote. \u201CHis fortunes "
                + "have changed since then,\u201D it added.");
        assertEquals("Times", a.get(0).speaker());
        assertEquals("it", a.get(1).speaker(), "the speaker as written at the site");
        assertEquals(SpeakerKind.ORGANIZATION, a.get(1).kind());
        assertEquals("Times", a.get(1).canonicalSpeaker(), "'it' is the outlet that spoke before it");
        List<Attribution> b = attribute("\u201CA state cannot avoid the conclusion that its process removes "
                + "voters,\u201D the ruling said. \u201CThe notice procedure is triggered by a failure to vote.\u201D");
        assertEquals(NoSpeakerReason.DOCUMENT_TEXT, b.get(0).noSpeakerReason(), "a ruling's wording is text");
        assertEquals(NoSpeakerReason.DOCUMENT_TEXT, b.get(1).noSpeakerReason(), "and so is the text after it");
    }

    @Test
    void participlesAndPassivesFindTheRightSubject() {
        Attribution a = attribute("Attorney General Roy Cooper, the governor's opponent in the election, called "
                + "for releasing the police videos, saying that transparency \u201Cbreaks down barriers.\u201D").get(0);
        assertEquals("Roy Cooper", a.canonicalSpeaker(), "a participle speaks for the main clause's subject");
        Attribution b = attribute("Protesters marching through the streets chanted \u201CWhat curfew?\u201D and "
                + "kept going until 2 a.m.").get(0);
        assertTrue(!b.hasSpeaker() || !"the streets".equals(b.speaker()), "a preposition's object is no subject");
        Attribution c = attribute("Researchers hope to harness that power for what is typically called "
                + "\u201Cregenerative medicine.\u201D").get(0);
        assertTrue(!c.hasSpeaker(), "a passive without its agent names nobody: " + c.speaker());
    }

    @Test
    void pronounsPreferTheSubjectOfTheNearestSentence() {
        List<Attribution> a = attribute("\u201CWe have had problems with intrusions in the past,\u201D Barack Obama "
                + "said after meeting with President Vladimir Putin. He did not suggest retaliation. He said: "
                + "\u201COur goal is to start instituting some norms.\u201D");
        assertEquals("Barack Obama", a.get(1).canonicalSpeaker());
    }

    @Test
    void oddQuoteMarksNeverThrow() {
        for (String t : List.of("\"\"=", "\u201C\u201C\u201C", "She said \u00AB\u00AB oui \u00BB", "''''",
                "\u201CUnclosed at the very end", "x \u201D y \u201C z", "\u201E\u201C", "\" \" \" \"")) {
            List<Attribution> a = attribute(t);
            a.forEach(at -> assertTrue(at.hasSpeaker() || at.noSpeakerReason() != null));
        }
    }
}
