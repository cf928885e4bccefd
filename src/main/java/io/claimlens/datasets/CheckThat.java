package io.claimlens.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CLEF CheckThat! check-worthiness transcripts (2019 task 1, 2020 task 5): one TSV file per debate or speech, no
 * header, fields {@code line_number, speaker, text, label} (label 1 = check-worthy). Files are read in place; CRLF
 * line ends (some 2019 test files) are accepted.
 */
public final class CheckThat {

    /** One sentence of a transcript. */
    public record Line(int number, String speaker, String text, int label) {
    }

    /**
     * One transcript.
     *
     * @param name  file name without {@code .tsv} ("20160926_1pres")
     * @param file  the file read
     * @param lines sentences in file order
     */
    public record Debate(String name, Path file, List<Line> lines) {

        public Debate {
            lines = List.copyOf(lines);
        }

        /** The date the file name starts with (yyyymmdd), for time-ordered splits. */
        public String date() {
            return name.length() >= 8 ? name.substring(0, 8) : name;
        }

        public int positives() {
            return (int) lines.stream().filter(l -> l.label() == 1).count();
        }
    }

    private CheckThat() {
    }

    /** Every {@code *.tsv} in {@code dir}, sorted by file name. */
    public static List<Debate> readDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("CheckThat! folder not found: " + dir
                    + " (the public benchmark data is expected in ../shared/datasets; pass --data DIR)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .tsv files in " + dir);
        }
        List<Debate> out = new ArrayList<>();
        for (Path f : files) {
            out.add(read(f));
        }
        return out;
    }

    /** One transcript; a malformed line is an error naming the file and line. */
    public static Debate read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = DataFiles.open(file)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != 4) {
                    throw new IOException(file + ":" + no + ": expected 4 tab-separated fields (line_number, speaker,"
                            + " text, label), found " + c.length);
                }
                int number;
                try {
                    number = Integer.parseInt(c[0].strip());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + no + ": field 'line_number' is not a number: " + c[0]);
                }
                String label = c[3].strip();
                if (!label.equals("0") && !label.equals("1")) {
                    throw new IOException(file + ":" + no + ": field 'label' must be 0 or 1, not '" + label + "'");
                }
                lines.add(new Line(number, c[1].strip(), c[2].strip(), Integer.parseInt(label)));
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.tsv$", "");
        return new Debate(name, file, lines);
    }
}
