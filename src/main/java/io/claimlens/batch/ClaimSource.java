package io.claimlens.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.model.ContentHash;
import io.claimlens.model.InputProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads claims for a batch: JSONL, one object per line with a required string field {@code "claim"} and an optional
 * {@code "id"} (string or integer; default: {@link #defaultId}, the id the parsed claim gets). Other fields are
 * ignored, so the output of a claim detector can be piped in as it is. Blank lines are skipped; {@code .gz} files
 * are decompressed.
 *
 * <p>A bad line (not JSON, no {@code "claim"}, an empty claim, an id that is not a string) is reported as an
 * {@link InputProblem} with file and line, and reading goes on. Streams: one line in memory at a time.
 */
public final class ClaimSource {

    /** What stands for standard input in place of a file name. */
    public static final String STDIN = "-";

    /** Longest claim line read, in characters; longer lines are reported and skipped. */
    public static final int MAX_LINE_CHARS = 1_000_000;

    /** Bounded JSON: a claim line is small, and holds one object with nothing after it. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_LINE_CHARS).maxNestingDepth(32).maxNumberLength(100).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One claim to check. {@code origin} and {@code line} say where it was read, for error records. */
    public record Input(String id, String text, String origin, int line) {
    }

    /** Receives what is read, in input order. */
    public interface Sink {
        void claim(Input claim);

        void problem(InputProblem problem);
    }

    private ClaimSource() {
    }

    /** The id of a claim that has none: {@code "c"} + 16 hex digits of SHA-256 of the stripped text. */
    public static String defaultId(String claimText) {
        // the same as io.claimlens.model.Claim#id() of the parsed claim, whose text is the stripped input
        return "c" + ContentHash.sha256Hex(claimText.strip()).substring(0, 16);
    }

    /** Reads {@code file} ({@value #STDIN}: standard input) to the end. */
    public static void read(String file, Sink sink) throws IOException {
        if (STDIN.equals(file)) {
            read(System.in, "<stdin>", sink);
            return;
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new IOException("claims file not found: " + file);
        }
        try (InputStream raw = Files.newInputStream(p)) {
            InputStream in;
            try {
                in = file.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            } catch (IOException e) {
                sink.problem(new InputProblem(file, 0, null, "claims", "not a readable gzip file: "
                        + e.getMessage()));
                return;
            }
            read(in, file, sink);
        }
    }

    /** Reads claims from a stream; {@code origin} names it in problems. Does not close the stream. */
    public static void read(InputStream in, String origin, Sink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        int lineNo = 0;
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (CharacterCodingException e) {
                sink.problem(new InputProblem(origin, lineNo + 1, null, "claims",
                        "not valid UTF-8; the rest of the claims are not read"));
                return;
            } catch (IOException e) { // a truncated or corrupt gzip file: keep what was read before
                sink.problem(new InputProblem(origin, lineNo + 1, null, "claims", "read failed (truncated or "
                        + "corrupt file?): " + e.getMessage() + "; the rest of the claims are not read"));
                return;
            }
            if (line == null) {
                return;
            }
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > MAX_LINE_CHARS) {
                sink.problem(new InputProblem(origin, lineNo, null, "claims", "line too long (" + line.length()
                        + " characters; limit " + MAX_LINE_CHARS + ")"));
                continue;
            }
            parse(line, origin, lineNo, sink);
        }
    }

    /** Parses one line; exactly one of the sink's methods is called. */
    public static void parse(String line, String origin, int lineNo, Sink sink) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            sink.problem(new InputProblem(origin, lineNo, null, "claims", "malformed JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("")));

            return;
        }
        if (node == null || !node.isObject()) {
            sink.problem(new InputProblem(origin, lineNo, null, "claims",
                    "expected a JSON object per line, like {\"claim\": \"...\"}"));
            return;
        }
        JsonNode claim = node.get("claim");
        if (claim == null || claim.isNull()) {
            sink.problem(new InputProblem(origin, lineNo, "claim", "claims", "missing"));
            return;
        }
        if (!claim.isTextual()) {
            sink.problem(new InputProblem(origin, lineNo, "claim", "claims", "expected a string, got "
                    + claim.getNodeType().name().toLowerCase(Locale.ROOT)));
            return;
        }
        if (claim.asText().isBlank()) {
            sink.problem(new InputProblem(origin, lineNo, "claim", "claims", "empty claim"));
            return;
        }
        JsonNode id = node.get("id");
        String claimId;
        if (id == null || id.isNull()) {
            claimId = defaultId(claim.asText());
        } else if (id.isTextual() && !id.asText().isBlank()) {
            claimId = id.asText().strip();
        } else if (id.isIntegralNumber()) {
            claimId = id.asText();
        } else {
            sink.problem(new InputProblem(origin, lineNo, "id", "claims", "expected a non-empty string or an "
                    + "integer, got " + id.getNodeType().name().toLowerCase(Locale.ROOT)));
            return;
        }
        sink.claim(new Input(claimId, claim.asText(), origin, lineNo));
    }

    /** Counts non-blank lines of a claims file (for progress); -1 for standard input or on error. */
    public static long countLines(String file) {
        if (STDIN.equals(file)) {
            return -1;
        }
        long[] n = new long[1];
        Consumer<String> count = l -> {
            if (!l.isBlank()) {
                n[0]++;
            }
        };
        try (InputStream raw = Files.newInputStream(Path.of(file));
             InputStream in = file.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().forEach(count);
            return n[0];
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
