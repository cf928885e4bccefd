package io.claimlens.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * LIAR (Wang 2017): short political statements with speaker metadata and 6-way labels.
 *
 * <p>Only the statement, subject, speaker, job title, state, party and context are read. The credit-history counts
 * (columns 9-13) include the statement being judged and so leak its label; they are never read.
 */
public final class Liar {

    /** One statement. */
    public record Item(String id, String label, String statement, String subjects, String speaker, String job,
                       String state, String party, String context) {
    }

    private Liar() {
    }

    public static List<Item> read(Path file) throws IOException {
        List<Item> out = new ArrayList<>();
        try (BufferedReader r = DataFiles.open(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < 14) {
                    throw new IOException(file + ":" + n + ": expected 14 tab-separated fields, found " + c.length);
                }
                out.add(new Item(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[13]));
            }
        }
        return out;
    }
}
