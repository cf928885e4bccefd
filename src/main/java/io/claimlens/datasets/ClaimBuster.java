package io.claimlens.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ClaimBuster two-class set used by ClaimSpotter ({@code kfold_25ncs.csv}): CSV with header
 * {@code sentence_id,screening,label,text}; label 1 = CFS (check-worthy factual sentence), 0 = NCS (non-factual).
 * Fields may be double-quoted with {@code ""} escapes (RFC 4180); records do not span lines.
 */
public final class ClaimBuster {

    /** One labelled sentence. */
    public record Sentence(String id, String text, int label) {
    }

    private ClaimBuster() {
    }

    public static List<Sentence> read(Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        try (BufferedReader r = DataFiles.open(file)) {
            String header = r.readLine();
            if (header == null || !header.strip().equals("sentence_id,screening,label,text")) {
                throw new IOException(file + ":1: expected the header sentence_id,screening,label,text");
            }
            String line;
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = parseCsvLine(line, file, no);
                if (f.size() != 4) {
                    throw new IOException(file + ":" + no + ": expected 4 fields, found " + f.size());
                }
                String label = f.get(2).strip();
                if (!label.equals("0") && !label.equals("1")) {
                    throw new IOException(file + ":" + no + ": field 'label' must be 0 or 1, not '" + label + "'");
                }
                out.add(new Sentence(f.get(0).strip(), f.get(3).strip(), Integer.parseInt(label)));
            }
        }
        return out;
    }

    /** Splits one CSV record: commas separate fields, double quotes enclose them, {@code ""} is a quote. */
    static List<String> parseCsvLine(String line, Path file, int no) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cur.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IOException(file + ":" + no + ": unterminated quoted field");
        }
        fields.add(cur.toString());
        return fields;
    }
}
