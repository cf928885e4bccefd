package io.claimlens.nlp.quotes;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.Pair;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import io.claimlens.model.Attribution;
import io.claimlens.model.NoSpeakerReason;
import io.claimlens.model.Quote;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The baseline: Stanford CoreNLP's own quotation attribution (QuoteAnnotator + QuoteAttributionAnnotator, the
 * Muzny et al. 2017 sieves) in CoreNLP's default quote pipeline {@code tokenize, ssplit, pos, lemma, ner, depparse,
 * coref, quote}, for benchmarks that compare it with {@link NewsQuoteAttributor} on the same quotations.
 *
 * <p>To compare like with like, its answers are aligned to the quotations our {@link QuoteFinder} found: each gets
 * the speaker of the CoreNLP quotation that overlaps it most (CoreNLP's canonical speaker when it has one), or
 * {@code NO_CANDIDATE} with rule {@code corenlp-missed} when CoreNLP found no quotation there. CoreNLP gives no
 * confidence, so every answer carries 0.5.
 *
 * <p>Heavy: loads in ~30 s and takes ~2-5 s per news article on 2 cores. Thread-safe like the NLP stage.
 */
public final class CoreNlpQuoteAttributor implements QuoteAttributor {

    /** CoreNLP's default annotators for quotation attribution. */
    public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote";

    private final StanfordCoreNLP pipeline;

    public CoreNlpQuoteAttributor() {
        RedwoodConfiguration.current().clear().apply();
        Properties p = new Properties();
        p.setProperty("annotators", ANNOTATORS);
        this.pipeline = new StanfordCoreNLP(p);
    }

    @Override
    public String name() {
        return "corenlp";
    }

    @Override
    public List<Attribution> attribute(AttributionInput input) {
        String text = input.article().text();
        CoreDocument doc = new CoreDocument(text);
        pipeline.annotate(doc);
        List<CoreQuote> found = doc.quotes();
        List<Attribution> out = new ArrayList<>(input.quotes().size());
        for (QuoteFinder.Found f : input.quotes()) {
            Quote quote = new Quote(input.article().id(), f.content(), f.content().coveredText(text),
                    sentenceIndex(input, f.content().start()));
            CoreQuote best = null;
            int bestOverlap = 0;
            for (CoreQuote q : found) {
                Pair<Integer, Integer> o = q.quoteCharOffsets();
                int overlap = Span.of(o.first(), Math.max(o.first(), o.second())).overlapLength(f.content());
                if (overlap > bestOverlap) {
                    best = q;
                    bestOverlap = overlap;
                }
            }
            String speaker = best == null ? null : best.canonicalSpeaker().or(best::speaker).orElse(null);
            if (speaker == null) {
                out.add(Attribution.none(quote, NoSpeakerReason.NO_CANDIDATE, 0.5,
                        best == null ? "corenlp-missed" : "corenlp-no-speaker"));
            } else {
                Span sspan = best.speakerCharOffsets().map(p -> Span.of(p.first(), p.second())).orElse(null);
                out.add(Attribution.speaker(quote, best.speaker().orElse(speaker), speaker, sspan,
                        SpeakerKind.PERSON, 0.5, "corenlp-sieve"));
            }
        }
        return out;
    }

    private static int sentenceIndex(AttributionInput input, int offset) {
        for (int i = 0; i < input.sentences().size(); i++) {
            if (input.sentences().get(i).end() > offset) {
                return i;
            }
        }
        return Math.max(0, input.sentences().size() - 1);
    }
}
