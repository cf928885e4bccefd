package io.claimlens.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import io.claimlens.model.EntityType;
import io.claimlens.model.Span;
import io.claimlens.model.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Tokens, part-of-speech tags and named entities from Stanford CoreNLP, returned as ClaimLens types. No CoreNLP
 * type leaves this class.
 *
 * <p>Sentence boundaries are ours (OpenNLP, within paragraphs): the text handed to CoreNLP is a same-length copy
 * in which line breaks inside paragraphs are spaces and the whitespace before each sentence is a newline, with
 * {@code ssplit.eolonly}; so every CoreNLP offset is an offset into the article text.
 *
 * <p>Thread-safety: one instance is shared by all threads; {@link #tag} may be called concurrently, and the engine
 * does so (one {@code StanfordCoreNLP}, not a pool per thread). Why that is safe for this annotator list
 * ({@code tokenize, ssplit, pos, lemma, ner}, checked against the CoreNLP 4.5 sources):
 * <ul>
 *   <li>every call annotates its own {@code CoreDocument}; all per-document state lives in it. The tokenizer is
 *       created per call, and {@code ssplit}/{@code lemma} are stateless;</li>
 *   <li>CoreNLP itself calls one pipeline from several threads: {@code StanfordCoreNLP.annotate(Annotation,
 *       Consumer)} with the {@code threads} property, and {@code AnnotationPipeline.annotate(Iterable, int)}, run
 *       {@code annotate} on the same pipeline instance in parallel;</li>
 *   <li>the POS tagger and the NER combiner are run on one shared model from several threads by their own
 *       {@code pos.nthreads}/{@code ner.nthreads} options ({@code POSTaggerAnnotator}'s processor and
 *       {@code SentenceAnnotator}'s multicore wrapper hand the same {@code MaxentTagger} /
 *       {@code NERClassifierCombiner} to every worker);</li>
 *   <li>the pipeline's only shared mutable fields are statistics (a word counter, per-annotator timers), updated
 *       without synchronisation: they may miscount under concurrency but never touch an output.</li>
 * </ul>
 * {@code NlpConcurrencyTest} checks it: three threads analysing the same articles in different orders through one
 * instance give results equal to a sequential run. Other annotators (depparse, coref, quote attribution in
 * {@code nlp.quotes.CoreNlpQuoteAttributor}) were not examined for this and are not relied on concurrently.
 * Load is slow (5-15 s) and big (~0.5-1 GB): build one per engine.
 */
public final class CoreNlpTagger {

    /** A tagged sentence: tokens and entity mentions (pronouns dropped), offsets into the article text. */
    public record Tagged(List<Token> tokens, List<Mention> mentions) {
    }

    /** An entity mention before canonicalisation. */
    public record Mention(Span span, String text, EntityType type) {
    }

    private static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    private static final Set<String> PRONOUNS = Lexicon.load("pronouns").words();

    private final StanfordCoreNLP pipeline;
    private final NlpMode mode;

    public CoreNlpTagger(NlpMode mode) {
        if (mode == NlpMode.FAST) {
            throw new IllegalArgumentException("FAST mode runs no CoreNLP");
        }
        if (CoreNlpTagger.class.getClassLoader().getResource(NER_MODEL) == null) {
            throw new IllegalStateException("CoreNLP English models not on the classpath (missing " + NER_MODEL
                    + "); add Maven artifact edu.stanford.nlp:stanford-corenlp:4.5.10:models");
        }
        this.mode = mode;
        // CoreNLP logs every model load at INFO to stderr; our CLI reports progress itself.
        RedwoodConfiguration.current().clear().apply();
        this.pipeline = new StanfordCoreNLP(properties(mode));
    }

    private static Properties properties(NlpMode mode) {
        boolean full = mode == NlpMode.FULL;
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        p.setProperty("ssplit.eolonly", "true");
        p.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=true");
        p.setProperty("ner.applyFineGrained", Boolean.toString(full));
        p.setProperty("ner.useSUTime", Boolean.toString(full));
        p.setProperty("ner.applyNumericClassifiers", Boolean.toString(full));
        p.setProperty("ner.buildEntityMentions", "true");
        return p;
    }

    public NlpMode mode() {
        return mode;
    }

    /**
     * Tags {@code text}, whose sentences are {@code sentences} (ordered, non-overlapping spans).
     *
     * @return one {@link Tagged} per sentence, parallel to {@code sentences}
     */
    public List<Tagged> tag(String text, List<Span> sentences) {
        CoreDocument doc = new CoreDocument(lineBrokenCopy(text, sentences));
        pipeline.annotate(doc);

        List<List<Token>> tokens = new ArrayList<>();
        List<List<Mention>> mentions = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            tokens.add(new ArrayList<>());
            mentions.add(new ArrayList<>());
        }
        for (CoreLabel t : doc.tokens()) {
            int s = sentenceOf(sentences, t.beginPosition());
            if (s >= 0) {
                tokens.get(s).add(new Token(text.substring(t.beginPosition(), t.endPosition()), t.beginPosition(),
                        t.endPosition(), t.tag(), mapType(t.ner())));
            }
        }
        for (CoreEntityMention m : doc.entityMentions()) {
            EntityType type = mapType(m.entityType());
            String surface = text.substring(m.charOffsets().first(), m.charOffsets().second());
            if (type == EntityType.NONE || PRONOUNS.contains(surface.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int s = sentenceOf(sentences, m.charOffsets().first());
            if (s < 0) {
                continue;
            }
            double p = confidence(m);
            mentions.get(s).add(new Mention(new Span(m.charOffsets().first(), m.charOffsets().second(), p),
                    surface, type));
        }
        List<Tagged> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            out.add(new Tagged(tokens.get(i), mentions.get(i)));
        }
        return out;
    }

    private static double confidence(CoreEntityMention m) {
        Map<String, Double> conf = m.entityTypeConfidences();
        if (conf == null || conf.isEmpty()) {
            return 1.0;
        }
        double best = 0;
        for (double v : conf.values()) {
            best = Math.max(best, v);
        }
        return Math.min(1.0, Math.max(0.0, best));
    }

    /** Same length as {@code text}: line breaks become spaces, the character before each sentence a newline. */
    static String lineBrokenCopy(String text, List<Span> sentences) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '\n' || c[i] == '\r' || c[i] == '\u2028' || c[i] == '\u2029') {
                c[i] = ' ';
            }
        }
        for (Span s : sentences) {
            if (s.start() > 0 && Character.isWhitespace(c[s.start() - 1])) {
                c[s.start() - 1] = '\n';
            }
        }
        return new String(c);
    }

    private static int sentenceOf(List<Span> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Maps CoreNLP's coarse and fine-grained NER tags onto {@link EntityType}. */
    static EntityType mapType(String ner) {
        if (ner == null) {
            return EntityType.NONE;
        }
        return switch (ner) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE" -> EntityType.LOCATION;
            case "NATIONALITY" -> EntityType.NATIONALITY;
            case "TITLE" -> EntityType.TITLE;
            case "DATE", "TIME", "DURATION", "SET" -> EntityType.DATE;
            case "NUMBER", "MONEY", "PERCENT", "ORDINAL" -> EntityType.NUMBER;
            case "MISC", "RELIGION", "IDEOLOGY" -> EntityType.MISC;
            default -> EntityType.NONE;
        };
    }
}
