package io.claimlens.stance;

import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stance model's card names its design; the engine opens the model by it. */
class StanceDesignTest {

    private static ModelCard card(Map<String, Object> config) {
        return new ModelCard("stance-t1", "stance", "2026-01-01", "claimlens train stance", 1, null, null, config,
                List.of(), Map.of(), Map.of(), "");
    }

    @Test
    void readsTheDesignTheCardNames() {
        assertEquals(StanceDesign.CROSS_INFERENCE,
                StanceDesign.of(card(Map.of(StanceDesign.CONFIG_KEY, "CROSS_INFERENCE", "base_design", "CROSS"))));
        assertTrue(StanceDesign.of(card(Map.of(StanceDesign.CONFIG_KEY, "CROSS_LEXICAL"))).crossAttention());
        assertFalse(StanceDesign.of(card(Map.of(StanceDesign.CONFIG_KEY, "LINEAR"))).crossAttention());
        // cards from before the cross-attention designs name none: embedding heads
        assertEquals(StanceDesign.MLP, StanceDesign.of(card(Map.of("hidden", 256))));
        assertEquals(StanceDesign.MLP, StanceDesign.of(card(null)));
    }

    @Test
    void anUnknownDesignIsAnIntegrityErrorNamingTheModel() {
        ModelStore.ModelIntegrityException e = assertThrows(ModelStore.ModelIntegrityException.class,
                () -> StanceDesign.of(card(Map.of(StanceDesign.CONFIG_KEY, "TRANSFORMER"))));
        assertTrue(e.getMessage().contains("stance-t1") && e.getMessage().contains("TRANSFORMER"), e.getMessage());
    }

    @Test
    void everyShippedStanceModelNamesAKnownDesign() throws Exception {
        Map<String, StanceDesign> shipped = Map.of("stance-v2", StanceDesign.MLP, "stance-v3", StanceDesign.MLP,
                "stance-v4", StanceDesign.CROSS, "stance-v5", StanceDesign.CROSS_INFERENCE);
        for (Map.Entry<String, StanceDesign> m : shipped.entrySet()) {
            assertEquals(m.getValue(), StanceDesign.of(ModelStore.load("models/" + m.getKey()).card()), m.getKey());
        }
    }
}
