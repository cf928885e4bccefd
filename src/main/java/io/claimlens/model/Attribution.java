package io.claimlens.model;

import java.util.Objects;

/**
 * Who said a quotation, or why nobody can be named.
 *
 * <p>Exactly one of {@code speaker} and {@code noSpeakerReason} is non-null.
 *
 * @param quote           the quotation
 * @param speaker         the speaker as the article names it at the attribution site ("Choe", "U.S. officials",
 *                        "She"), or {@code null}
 * @param canonicalSpeaker the full name the speaker resolves to in the article and across the collection
 *                        ("Choe Son Hui"), or {@code null}
 * @param speakerSpan     where {@code speaker} is in the article text (for a quotation that continues an earlier
 *                        speaker's, where that speaker was named), or {@code null}
 * @param kind            person, group or organisation; {@code null} without a speaker
 * @param confidence      probability that the speaker is right (or, without a speaker, that no speaker is right)
 * @param rule            the name of the rule that decided
 * @param noSpeakerReason why there is no speaker, or {@code null}
 */
public record Attribution(Quote quote, String speaker, String canonicalSpeaker, Span speakerSpan, SpeakerKind kind,
                          double confidence, String rule, NoSpeakerReason noSpeakerReason) {

    public Attribution {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(rule, "rule");
        if ((speaker == null) == (noSpeakerReason == null)) {
            throw new IllegalArgumentException("an attribution has a speaker or a reason for none, not both");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }

    public static Attribution speaker(Quote quote, String speaker, String canonical, Span speakerSpan,
                                      SpeakerKind kind, double confidence, String rule) {
        return new Attribution(quote, speaker, canonical == null ? speaker : canonical, speakerSpan, kind,
                confidence, rule, null);
    }

    public static Attribution none(Quote quote, NoSpeakerReason reason, double confidence, String rule) {
        return new Attribution(quote, null, null, null, null, confidence, rule, reason);
    }

    public boolean hasSpeaker() {
        return speaker != null;
    }

    public Attribution withCanonicalSpeaker(String canonical) {
        return new Attribution(quote, speaker, canonical, speakerSpan, kind, confidence, rule, noSpeakerReason);
    }

    public Attribution withConfidence(double p) {
        return new Attribution(quote, speaker, canonicalSpeaker, speakerSpan, kind, p, rule, noSpeakerReason);
    }
}
