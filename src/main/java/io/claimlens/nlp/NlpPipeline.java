package io.claimlens.nlp;

import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.Token;
import io.claimlens.nlp.quotes.AttributionConfidence;
import io.claimlens.nlp.quotes.AttributionInput;
import io.claimlens.nlp.quotes.NewsQuoteAttributor;
import io.claimlens.nlp.quotes.QuoteAttributor;
import io.claimlens.nlp.quotes.QuoteFinder;

import java.util.ArrayList;
import java.util.List;

/**
 * The NLP stage: language, sentences, tokens, entities, quotations and their speakers for one article.
 *
 * <p>Steps: language identification (OpenNLP); paragraph-bounded sentence splitting (OpenNLP), over-long sentences
 * cut at whitespace; in LIGHT/FULL mode, tokens, POS and entities from CoreNLP (pronoun mentions dropped), person
 * short forms resolved to the article's full names ("Choe" → "Choe Son Hui"), quotations found and attributed by
 * {@link NewsQuoteAttributor}. A non-English article gets its language and sentences only: the English models
 * would mis-process it, so the engine flags it instead.
 *
 * <p>Thread-safe: {@link #analyze} may be called concurrently, and batch indexing does so from all cores. The
 * OpenNLP sentence and language detectors are not thread-safe, so each thread gets its own over the shared models
 * (thread-locals); the CoreNLP pipeline is one shared instance, which CoreNLP supports for this annotator list (see
 * {@link CoreNlpTagger} for the evidence, and {@code NlpConcurrencyTest}, which checks that concurrent results equal
 * sequential ones). Heavy to build (CoreNLP loads 5-15 s): one per engine. The constructor warms the pipeline on a
 * short text so that the first real article is not slow.
 */
public final class NlpPipeline implements AutoCloseable {

    public static final String ENGLISH = "eng";

    private final NlpConfig config;
    private final SentenceSplitter splitter;
    private final LanguageIdentifier languages;
    private final CoreNlpTagger tagger;
    private final QuoteAttributor attributor;

    public NlpPipeline(NlpConfig config) {
        this(config, new NewsQuoteAttributor());
    }

    /** A pipeline whose quotation attributor uses the given confidence table (the trainer measures with none). */
    public NlpPipeline(NlpConfig config, AttributionConfidence confidence) {
        this(config, new NewsQuoteAttributor(confidence));
    }

    private NlpPipeline(NlpConfig config, QuoteAttributor attributor) {
        this.config = config;
        this.splitter = new SentenceSplitter();
        this.languages = new LanguageIdentifier();
        this.tagger = config.mode() == NlpMode.FAST ? null : new CoreNlpTagger(config.mode());
        this.attributor = attributor;
        warmUp();
    }

    private void warmUp() {
        String text = "\u201CWe are ready,\u201D the minister said on Monday in Berlin.";
        analyze(new Article("warm-up", "warm-up", null, null, null, null, text, List.of(Span.of(0, text.length()))));
    }

    public NlpConfig config() {
        return config;
    }

    /** The quotation attributor this pipeline uses. */
    public QuoteAttributor attributor() {
        return attributor;
    }

    public AnalyzedArticle analyze(Article article) {
        String text = article.text();
        String language = languages.identify(text);
        List<String> warnings = new ArrayList<>();
        List<SentenceSplitter.Located> located = capLength(text, splitter.split(text, article.paragraphs()), warnings);
        List<Sentence> sentences = new ArrayList<>(located.size());
        List<Span> spans = new ArrayList<>(located.size());
        for (int i = 0; i < located.size(); i++) {
            SentenceSplitter.Located l = located.get(i);
            sentences.add(new Sentence(article.id(), i, l.paragraph(), l.span(), l.span().coveredText(text)));
            spans.add(l.span());
        }
        List<List<Token>> tokens = new ArrayList<>();
        List<List<EntityMention>> mentions = new ArrayList<>();
        if (tagger == null || !ENGLISH.equals(language)) {
            for (int i = 0; i < sentences.size(); i++) {
                tokens.add(List.of());
                mentions.add(List.of());
            }
            return new AnalyzedArticle(article, language, sentences, tokens, List.of(), List.of(), warnings);
        }
        List<CoreNlpTagger.Tagged> tagged = tagger.tag(text, spans);
        List<CoreNlpTagger.Mention> all = new ArrayList<>();
        for (CoreNlpTagger.Tagged t : tagged) {
            tokens.add(t.tokens());
            all.addAll(t.mentions());
        }
        List<EntityMention> canonical = canonicalise(article.id(), all);
        int k = 0;
        for (CoreNlpTagger.Tagged t : tagged) {
            mentions.add(canonical.subList(k, k + t.mentions().size()));
            k += t.mentions().size();
        }
        List<QuoteFinder.Found> quotes = QuoteFinder.find(text, article.paragraphs());
        List<Attribution> attributions = attributor.attribute(
                new AttributionInput(article, sentences, tokens, mentions, quotes));
        return new AnalyzedArticle(article, language, sentences, tokens, canonical, attributions, warnings);
    }

    /**
     * The input an attributor reads, rebuilt from an analysed article, so that another attributor (the CoreNLP
     * baseline in benchmarks) can be run on exactly the same quotations.
     */
    public static AttributionInput attributionInput(AnalyzedArticle a) {
        List<List<EntityMention>> perSentence = new ArrayList<>();
        for (int i = 0; i < a.sentences().size(); i++) {
            perSentence.add(new ArrayList<>());
        }
        for (EntityMention m : a.entities()) {
            for (int i = 0; i < a.sentences().size(); i++) {
                if (a.sentences().get(i).span().contains(m.span().start())) {
                    perSentence.get(i).add(m);
                    break;
                }
            }
        }
        return new AttributionInput(a.article(), a.sentences(), a.tokens(), perSentence,
                QuoteFinder.find(a.article().text(), a.article().paragraphs()));
    }

    /**
     * Within one article, a person's short form resolves to the nearest full name it is a short form of (the
     * preceding one if any, else the following): "Choe" → "Choe Son Hui". Other types keep their text, minus a
     * possessive ending.
     */
    static List<EntityMention> canonicalise(String articleId, List<CoreNlpTagger.Mention> mentions) {
        List<EntityMention> out = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            CoreNlpTagger.Mention m = mentions.get(i);
            String text = stripPossessive(m.text());
            String canonical = text;
            if (m.type() == EntityType.PERSON) {
                int parts = Names.parts(text).size();
                CoreNlpTagger.Mention best = null;
                int bestDistance = Integer.MAX_VALUE;
                for (int j = 0; j < mentions.size(); j++) {
                    CoreNlpTagger.Mention o = mentions.get(j);
                    if (o.type() != EntityType.PERSON || Names.parts(o.text()).size() <= parts
                            || !Names.isShortFormOf(text, stripPossessive(o.text()))) {
                        continue;
                    }
                    // preceding full names win over following ones: distance counts following ones double
                    int d = j < i ? i - j : 2 * (j - i);
                    if (d < bestDistance) {
                        best = o;
                        bestDistance = d;
                    }
                }
                if (best != null) {
                    canonical = stripPossessive(best.text());
                }
            }
            out.add(new EntityMention(articleId, m.span(), m.text(), m.type(), canonical));
        }
        return out;
    }

    static String stripPossessive(String s) {
        if (s.endsWith("'s") || s.endsWith("\u2019s")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("'") || s.endsWith("\u2019")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * Cuts sentences longer than the configured cap at whitespace (CoreNLP's tagger slows down sharply on very long
     * sentences), adding one warning per cut sentence so that the cut is never silent.
     */
    private List<SentenceSplitter.Located> capLength(String text, List<SentenceSplitter.Located> in,
                                                     List<String> warnings) {
        int cap = config.maxSentenceChars();
        List<SentenceSplitter.Located> out = new ArrayList<>(in.size());
        for (SentenceSplitter.Located l : in) {
            int start = l.span().start();
            int end = l.span().end();
            if (end - start > cap) {
                warnings.add(String.format(java.util.Locale.ROOT, "sentence at characters %d-%d is %,d characters "
                        + "long, over the cap of %,d (nlp.maxSentenceChars): split at whitespace into pieces of at "
                        + "most %,d before tagging", start, end, end - start, cap, cap));
            }
            while (end - start > cap) {
                int cut = start + cap;
                int ws = cut;
                while (ws > start + cap / 2 && !Character.isWhitespace(text.charAt(ws))) {
                    ws--;
                }
                if (ws > start + cap / 2) {
                    cut = ws;
                }
                out.add(new SentenceSplitter.Located(Span.of(start, cut), l.paragraph()));
                start = cut;
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
            if (end > start) {
                out.add(new SentenceSplitter.Located(Span.of(start, end), l.paragraph()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        // CoreNLP and OpenNLP hold no native resources; nothing to release. Kept AutoCloseable so that callers
        // manage the stage like the others.
    }
}
