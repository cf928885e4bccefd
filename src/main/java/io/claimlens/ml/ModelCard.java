package io.claimlens.ml;

import java.util.List;
import java.util.Map;

/**
 * What a trained model is, how it was made and how well it did: stored as {@code card.json} beside the model's
 * files (and rendered as {@code MODEL_CARD.md}).
 *
 * <p>The engine loads a model only if the SHA-256 of every file listed in {@link #files()} matches, so a card
 * cannot describe other weights than the ones it ships with.
 *
 * @param id        model id, e.g. "stance-v1"
 * @param kind      "stance", "verdict", ...
 * @param created   ISO date of training
 * @param command   the command that trained it
 * @param seed      random seed of training
 * @param encoder   the sentence encoder whose vectors it reads ("all-minilm-l6-v2"), or null
 * @param encoderSha256 SHA-256 of that encoder's weights, or null
 * @param config    training configuration (name → value, in a fixed order)
 * @param data      the data it was trained and evaluated on
 * @param metrics   measured numbers (name → value), fractions in 0-1
 * @param files     model file name → SHA-256
 * @param notes     free text: what it is for, known limits
 */
public record ModelCard(String id, String kind, String created, String command, long seed, String encoder,
                        String encoderSha256, Map<String, Object> config, List<DataRef> data,
                        Map<String, Double> metrics, Map<String, String> files, String notes) {

    /**
     * One data file a model saw.
     *
     * @param path   path as given to the trainer (relative, e.g. ../shared/datasets/snli/snli_1.0_dev.jsonl.gz)
     * @param sha256 hash of the file's bytes
     * @param rows   examples used from it
     * @param use    "train", "calibration", "dev", "test"
     */
    public record DataRef(String path, String sha256, int rows, String use) {
    }
}
