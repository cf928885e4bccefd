package io.claimlens.claims.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a transcript says about the person speaking a line, computed from the transcript alone (no labels): the
 * speaker's share of the lines and how often their lines ask a question. In a debate the candidates make the claims
 * and the moderators ask; in a press conference the reporters ask. A sentence with no known speaker (an article
 * sentence, a ClaimBuster sentence) has {@link #UNKNOWN}, a regime of its own that the head learns apart.
 *
 * @param known        1 when the line comes from a transcript with speaker names, else 0
 * @param share        fraction of the transcript's lines this speaker speaks, in [0, 1]
 * @param questionRate fraction of this speaker's lines that contain a question mark, in [0, 1]
 */
public record SpeakerRole(double known, double share, double questionRate) {

    /** Names of the values, in {@link #values()} order. */
    public static final List<String> NAMES = List.of("speaker_known", "speaker_share", "speaker_question_rate");

    /** No speaker information. */
    public static final SpeakerRole UNKNOWN = new SpeakerRole(0, 0, 0);

    public double[] values() {
        return new double[] {known, share, questionRate};
    }

    /**
     * The role of every line of one transcript.
     *
     * @param speakers the speaker of each line, as the transcript names it (compared case-insensitively, trimmed)
     * @param texts    the text of each line, same order and size
     */
    public static List<SpeakerRole> of(List<String> speakers, List<String> texts) {
        if (speakers.size() != texts.size()) {
            throw new IllegalArgumentException("speakers and texts differ in size: " + speakers.size() + " vs "
                    + texts.size());
        }
        Map<String, int[]> counts = new HashMap<>(); // speaker -> {lines, lines with a question}
        for (int i = 0; i < speakers.size(); i++) {
            int[] c = counts.computeIfAbsent(key(speakers.get(i)), k -> new int[2]);
            c[0]++;
            c[1] += texts.get(i).indexOf('?') >= 0 ? 1 : 0;
        }
        List<SpeakerRole> out = new ArrayList<>(speakers.size());
        for (String s : speakers) {
            int[] c = counts.get(key(s));
            out.add(new SpeakerRole(1, (double) c[0] / speakers.size(), (double) c[1] / c[0]));
        }
        return out;
    }

    private static String key(String speaker) {
        return speaker == null ? "" : speaker.strip().toUpperCase(Locale.ROOT);
    }
}
