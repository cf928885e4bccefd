package io.claimlens.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The durable record of a batch's results: {@code results.jsonl}, one JSON object per line with a
 * {@code "claimId"} field, and {@code checkpoint.json} beside it.
 *
 * <p>Each {@link #append} writes the whole line with one positional write, forces it to disk ({@code fsync}), then
 * replaces the checkpoint (count and byte length of the results committed so far, and the run's fingerprint)
 * atomically. A claim counts as done once its line is on disk; a kill at any moment leaves at most one torn line at
 * the end of the file.
 *
 * <p>{@link #open} with {@code resume} recovers: it keeps every complete line that parses and has a claim id, cuts
 * the file after the last of them (dropping a torn line, and noting it in {@link Recovery}), and reports which claims
 * are done. The checkpoint's fingerprint must equal the new run's: resuming with other models, configuration or
 * collection would mix results that were computed differently.
 *
 * <p>Thread-safe: appends are serialised.
 */
final class ResultLog implements AutoCloseable {

    static final String RESULTS = "results.jsonl";
    static final String CHECKPOINT = "checkpoint.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final FileChannel channel;
    private final Set<String> done;
    private final Recovery recovery;
    private ObjectNode fingerprint;
    private String phase;
    private long count;
    private long bytes;

    /**
     * What resuming found.
     *
     * @param kept        results kept from the earlier run
     * @param droppedBytes bytes cut from the end of results.jsonl (a torn or unreadable last record), 0 if none
     * @param note        what was done, in words, or {@code null} when there was nothing to recover
     */
    record Recovery(long kept, long droppedBytes, String note) {
    }

    private ResultLog(Path dir, FileChannel channel, Set<String> done, Recovery recovery, ObjectNode fingerprint,
                      String phase, long bytes) {
        this.dir = dir;
        this.channel = channel;
        this.done = done;
        this.recovery = recovery;
        this.fingerprint = fingerprint;
        this.phase = phase;
        this.count = done.size();
        this.bytes = bytes;
    }

    /**
     * Opens the log in {@code dir} (created if absent).
     *
     * @param resume false: the directory must hold no earlier results; true: recover and continue them
     */
    static ResultLog open(Path dir, boolean resume) throws IOException {
        Files.createDirectories(dir);
        Path results = dir.resolve(RESULTS);
        Path checkpoint = dir.resolve(CHECKPOINT);
        boolean earlier = holdsEarlierRun(dir);
        if (earlier && !resume) {
            throw new IllegalStateException(dir + " holds an earlier run (" + RESULTS + ", " + CHECKPOINT
                    + "); pass --resume to finish it, or choose another --out");
        }
        ObjectNode fingerprint = null;
        String phase = null;
        if (Files.exists(checkpoint)) {
            try {
                JsonNode cp = JSON.readTree(checkpoint.toFile());
                if (cp != null && cp.get("fingerprint") instanceof ObjectNode f) {
                    fingerprint = f;
                    phase = cp.path("phase").asText(null);
                }
            } catch (IOException e) {
                // an unreadable checkpoint (e.g. after a power loss) is ignored; results.jsonl is the truth
            }
        }
        Set<String> done = new HashSet<>();
        long keptBytes = 0;
        long size = Files.exists(results) ? Files.size(results) : 0;
        if (size > 0) {
            keptBytes = scan(results, done);
        }
        FileChannel ch = FileChannel.open(results, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        String note = null;
        if (keptBytes < size) {
            ch.truncate(keptBytes);
            ch.force(true);
            note = String.format("dropped %d bytes after the last complete result (a record torn by an"
                    + " interrupted write)", size - keptBytes);
        }
        if (earlier) {
            note = "resumed: " + done.size() + " results kept" + (note == null ? "" : "; " + note);
        }
        ResultLog log = new ResultLog(dir, ch, done, new Recovery(done.size(), size - keptBytes, note), fingerprint,
                phase, keptBytes);
        return log;
    }

    /** True when {@code dir} has a checkpoint or non-empty results from an earlier run. */
    static boolean holdsEarlierRun(Path dir) throws IOException {
        Path results = dir.resolve(RESULTS);
        return Files.exists(dir.resolve(CHECKPOINT)) || (Files.exists(results) && Files.size(results) > 0);
    }

    /** Reads complete, well-formed lines; returns the byte length they cover. */
    private static long scan(Path results, Set<String> ids) throws IOException {
        long good = 0;
        long pos = 0;
        try (InputStream in = Files.newInputStream(results)) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(1 << 14);
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    pos++;
                    if (buf[i] != '\n') {
                        line.write(buf[i]);
                        continue;
                    }
                    String id = claimIdOf(line.toByteArray());
                    line.reset();
                    if (id == null) {
                        return good; // a damaged record: everything after it is suspect and redone
                    }
                    ids.add(id);
                    good = pos;
                }
            }
        }
        return good; // bytes after the last newline, if any, are a torn record
    }

    private static String claimIdOf(byte[] line) {
        try {
            JsonNode n = JSON.readTree(line);
            JsonNode id = n == null ? null : n.get("claimId");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    Recovery recovery() {
        return recovery;
    }

    /** Claim ids whose results were already on disk when the log was opened. */
    Set<String> done() {
        return done;
    }

    /** The earlier run's fingerprint, or {@code null}. */
    ObjectNode earlierFingerprint() {
        return fingerprint;
    }

    /** The earlier run's phase ("index", "check", "done"), or {@code null}. */
    String earlierPhase() {
        return phase;
    }

    /** Records the run's fingerprint and phase in the checkpoint. */
    synchronized void checkpoint(ObjectNode fingerprint, String phase) throws IOException {
        this.fingerprint = fingerprint;
        this.phase = phase;
        writeCheckpoint();
    }

    /** Appends one result line (without its newline) and makes it durable before returning. */
    synchronized void append(String jsonLine) throws IOException {
        byte[] b = (jsonLine + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(b);
        long at = bytes;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
        channel.force(false);
        bytes = at;
        count++;
        writeCheckpoint();
    }

    synchronized long count() {
        return count;
    }

    private void writeCheckpoint() throws IOException {
        ObjectNode cp = JSON.createObjectNode();
        cp.put("version", 1);
        cp.put("phase", phase);
        cp.put("results", count);
        cp.put("resultsBytes", bytes);
        cp.set("fingerprint", fingerprint);
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(cp));
        try {
            Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
