package io.claimlens.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A word list read from the classpath ({@code lexicons/NAME.txt}, written by us in {@code training-data/lexicons}).
 * Entries are lower-cased; {@code #} starts a comment. Immutable and thread-safe.
 */
public final class Lexicon {

    private final String name;
    private final Set<String> words;
    private final List<String[]> rows;

    private Lexicon(String name, Set<String> words, List<String[]> rows) {
        this.name = name;
        this.words = Set.copyOf(words);
        this.rows = List.copyOf(rows);
    }

    /** Loads {@code lexicons/<name>.txt}; a missing list is an error naming it, never an empty set. */
    public static Lexicon load(String name) {
        String path = "lexicons/" + name + ".txt";
        InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("lexicon not found on the classpath: " + path
                    + " (it is packaged from training-data/lexicons; rebuild with mvn package)");
        }
        Set<String> words = new LinkedHashSet<>();
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    line = line.substring(0, hash);
                }
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] cols = line.split("\t");
                cols[0] = cols[0].toLowerCase(Locale.ROOT);
                words.add(cols[0]);
                rows.add(cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + path, e);
        }
        return new Lexicon(name, words, rows);
    }

    public boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    public Set<String> words() {
        return words;
    }

    /** Tab-separated rows, first column lower-cased. */
    public List<String[]> rows() {
        return rows;
    }

    public String name() {
        return name;
    }
}
