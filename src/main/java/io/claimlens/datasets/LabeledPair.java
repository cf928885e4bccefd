package io.claimlens.datasets;

import io.claimlens.model.StanceLabel;

/**
 * A claim (or premise) and an evidence (or hypothesis) sentence with a stance label.
 *
 * @param claim    the claim side
 * @param evidence the evidence side
 * @param label    gold stance
 * @param group    what must stay on one side of a split (a caption id, a body id), for leak-free hold-outs
 */
public record LabeledPair(String claim, String evidence, StanceLabel label, String group) {
}
