package io.claimlens.bench;

import io.claimlens.model.Attribution;
import io.claimlens.nlp.Names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our hand-annotated attribution gold ({@code training-data/attribution/*.tsv}) and how a prediction is scored
 * against it.
 *
 * <p>Each row names a quotation by file and the first words of its text (the n-th row with the same file and
 * prefix is the n-th such quotation in text order) and gives the expected speaker or {@code -reason}.
 */
public final class AttributionGold {

    /** One gold row. */
    public record Entry(String file, String quotePrefix, String speaker, int occurrence) {

        public boolean noSpeaker() {
            return speaker.startsWith("-");
        }
    }

    /** The outcome for one gold row. */
    public record Outcome(Entry gold, Attribution predicted, boolean correct) {
    }

    private AttributionGold() {
    }

    public static List<Entry> read(Path tsv) throws IOException {
        List<Entry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            if (c.length != 3) {
                throw new IOException(tsv + ": expected 3 tab-separated columns: " + line);
            }
            String key = c[0] + "\t" + c[1];
            int n = seen.merge(key, 1, Integer::sum);
            out.add(new Entry(c[0], c[1], c[2].strip(), n));
        }
        return out;
    }

    /**
     * Scores predictions: {@code byFile} maps a gold file name to that article's attributions in text order.
     * A gold row whose quotation was not found counts as wrong.
     */
    public static List<Outcome> score(List<Entry> gold, Map<String, List<Attribution>> byFile) {
        List<Outcome> out = new ArrayList<>();
        for (Entry g : gold) {
            Attribution found = null;
            int n = 0;
            for (Attribution a : byFile.getOrDefault(g.file(), List.of())) {
                if (normalize(a.quote().text()).startsWith(normalize(g.quotePrefix())) && ++n == g.occurrence()) {
                    found = a;
                    break;
                }
            }
            out.add(new Outcome(g, found, found != null && matches(g, found)));
        }
        return out;
    }

    static boolean matches(Entry g, Attribution a) {
        if (g.noSpeaker()) {
            return !a.hasSpeaker() && a.noSpeakerReason().name().equalsIgnoreCase(g.speaker().substring(1));
        }
        if (!a.hasSpeaker()) {
            return false;
        }
        String want = g.speaker();
        return Names.sameName(want, a.canonicalSpeaker()) || Names.sameName(want, a.speaker())
                || want.equalsIgnoreCase(a.speaker()) || want.equalsIgnoreCase(a.canonicalSpeaker());
    }

    public static double accuracy(List<Outcome> outcomes) {
        return outcomes.isEmpty() ? 0 : outcomes.stream().filter(Outcome::correct).count() / (double) outcomes.size();
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ").strip();
    }
}
