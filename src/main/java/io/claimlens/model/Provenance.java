package io.claimlens.model;

import java.util.List;
import java.util.Map;

/**
 * What produced a report: enough to reproduce it or to tell two reports apart.
 *
 * @param engineVersion  ClaimLens version
 * @param models         every model used, with hashes
 * @param config         the engine configuration, as name/value pairs in a fixed order
 * @param corpusChecksum SHA-256 over the sorted (article id, text hash) pairs of the collection
 * @param articleCount   number of articles in the collection
 */
public record Provenance(String engineVersion, List<ModelRef> models, Map<String, String> config,
                         String corpusChecksum, int articleCount) {

    public Provenance {
        models = List.copyOf(models);
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }
}
