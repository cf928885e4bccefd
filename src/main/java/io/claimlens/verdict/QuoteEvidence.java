package io.claimlens.verdict;

import io.claimlens.model.Attribution;

/**
 * A quotation that matches one of the claim's quoted phrases, with the sentence it stands in (whose words, such as
 * the speaker's title, tell whether the speaker fits the claim's).
 *
 * @param attribution who said it (or why nobody is named)
 * @param sentence    the text of the sentence holding the quotation, or "" when unknown
 * @param exact       true when the quotation holds the phrase word for word (after case and punctuation)
 */
public record QuoteEvidence(Attribution attribution, String sentence, boolean exact) {
}
