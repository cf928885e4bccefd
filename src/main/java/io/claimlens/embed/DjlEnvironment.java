package io.claimlens.embed;

/**
 * Process-wide DJL settings that must be in place before any DJL class loads.
 *
 * <p>Why: without {@code ai.djl.offline=true} DJL contacts its servers when a tokenizer or engine is built (to
 * check for native libraries); this engine must never reach the network. The settings are system properties,
 * so they are set once, first thing, by every entry point that may touch DJL.
 */
public final class DjlEnvironment {

    private DjlEnvironment() {
    }

    public static void init() {
        System.setProperty("ai.djl.offline", "true");
        // DJL otherwise reports usage to its telemetry endpoint.
        System.setProperty("OPT_OUT_TRACKING", "true");
    }
}
