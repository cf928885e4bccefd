package io.claimlens.nlp;

import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.Sentence;
import io.claimlens.testing.Articles;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integration: the real OpenNLP and CoreNLP models. */
class NlpPipelineTest {

    private final NlpPipeline nlp = Fixtures.lightPipeline();

    @Test
    void headlinesDoNotMergeIntoTheFirstSentence() {
        AnalyzedArticle a = nlp.analyze(Articles.of("Minister quits over budget row\n\nThe finance minister "
                + "resigned on Monday. She gave no reason."));
        List<String> s = a.sentences().stream().map(Sentence::text).toList();
        assertEquals(List.of("Minister quits over budget row", "The finance minister resigned on Monday.",
                "She gave no reason."), s);
        assertEquals(List.of(0, 1, 1), a.sentences().stream().map(Sentence::paragraph).toList());
    }

    @Test
    void sentencesDoNotEndAtTitlesOrBeforeLowerCase() {
        AnalyzedArticle a = nlp.analyze(Articles.of("\u201CWe will win,\u201D Rep. Gwen Moore (D-Wis.) said Friday. "
                + "Dr. Anna Weber agreed."));
        assertEquals(2, a.sentences().size(), a.sentences().toString());
        assertTrue(a.sentences().get(0).text().endsWith("said Friday."));
    }

    @Test
    void sentenceAndTokenOffsetsPointIntoTheArticleText() {
        String text = "Sergei Lavrov met Choe Son Hui in Moscow.\n\nLavrov said \u201Cthe talks went well.\u201D";
        AnalyzedArticle a = nlp.analyze(Articles.of(text));
        for (int i = 0; i < a.sentences().size(); i++) {
            Sentence s = a.sentences().get(i);
            assertEquals(s.text(), text.substring(s.start(), s.end()));
            a.tokens().get(i).forEach(t -> assertEquals(t.text(), text.substring(t.start(), t.end())));
        }
    }

    @Test
    void entitiesDropPronounsAndResolveShortFormsWithinTheArticle() {
        AnalyzedArticle a = nlp.analyze(Articles.of("Foreign Minister Choe Son Hui met Sergei Lavrov in Moscow. "
                + "She said Choe would return. He thanked her. Lavrov praised the talks."));
        Set<String> pronouns = Set.of("she", "he", "her", "him", "they");
        for (EntityMention m : a.entities()) {
            assertFalse(pronouns.contains(m.text().toLowerCase()), "pronoun kept: " + m);
            assertEquals(m.text(), a.article().text().substring(m.span().start(), m.span().end()));
        }
        EntityMention choe = a.entities().stream().filter(m -> m.text().equals("Choe")).findFirst().orElseThrow();
        assertEquals("Choe Son Hui", choe.canonical());
        EntityMention lavrov = a.entities().stream().filter(m -> m.text().equals("Lavrov")).findFirst().orElseThrow();
        assertEquals("Sergei Lavrov", lavrov.canonical());
        assertTrue(a.entities().stream().anyMatch(m -> m.type() == EntityType.LOCATION && m.text().equals("Moscow")));
    }

    @Test
    void twoDifferentPeopleWithOneSurnameAreNotMerged() {
        AnalyzedArticle a = nlp.analyze(Articles.of("Kim Jong Un met Kim Yo Jong in Pyongyang on Monday."));
        List<String> canon = a.entities().stream().filter(m -> m.type() == EntityType.PERSON)
                .map(EntityMention::canonical).distinct().toList();
        assertEquals(2, canon.size(), canon.toString());
    }

    @Test
    void nonEnglishArticlesAreFlaggedAndNotTagged() {
        AnalyzedArticle a = nlp.analyze(Articles.of("Die Bundesregierung hat am Montag beschlossen, die Steuern "
                + "für kleine Unternehmen zu senken. Der Finanzminister sagte, die Entlastung komme im Herbst."));
        assertEquals("deu", a.language());
        assertTrue(a.entities().isEmpty());
        assertTrue(a.attributions().isEmpty());
    }

    @Test
    void aRunOnParagraphIsCutIntoTaggableSentences() {
        String text = "and then the minister spoke again ".repeat(3000);
        AnalyzedArticle a = nlp.analyze(Articles.of(text));
        assertTrue(a.sentences().size() >= text.length() / NlpConfig.DEFAULT_MAX_SENTENCE_CHARS);
        a.sentences().forEach(s -> assertTrue(s.text().length() <= NlpConfig.DEFAULT_MAX_SENTENCE_CHARS));
        // the cut is never silent: one warning naming the offsets, the length and the cap
        assertEquals(1, a.warnings().size(), a.warnings().toString());
        String w = a.warnings().get(0);
        assertTrue(w.contains("characters 0-" + text.strip().length()) && w.contains("nlp.maxSentenceChars")
                && w.contains(String.format(java.util.Locale.ROOT, "%,d", NlpConfig.DEFAULT_MAX_SENTENCE_CHARS)), w);
        assertTrue(nlp.analyze(Articles.of("A short sentence. Another one.")).warnings().isEmpty());
    }
}
