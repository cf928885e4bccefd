package io.claimlens.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * When a report was produced and how long it took: the one part of provenance that differs between two runs on the
 * same input. It is kept out of {@link io.claimlens.model.Report} and {@link io.claimlens.model.Provenance} on
 * purpose, so that reports (and the JSON that batch results are made of) stay byte-identical across runs; renderers
 * show it only when they are given one, and {@code --strip-provenance} leaves it out with the rest of the provenance.
 *
 * @param startedAt when the run started, truncated to whole seconds (UTC)
 * @param seconds   wall-clock seconds from the start of the run (model loading included) to rendering
 */
public record RunInfo(Instant startedAt, double seconds) {

    public RunInfo {
        Objects.requireNonNull(startedAt, "startedAt");
        startedAt = startedAt.truncatedTo(ChronoUnit.SECONDS);
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("run seconds must be finite and >= 0: " + seconds);
        }
    }

    /** A run that started at {@code startedAt} and ends now (by the monotonic clock {@code startNanos} came from). */
    public static RunInfo since(Instant startedAt, long startNanos) {
        return new RunInfo(startedAt, (System.nanoTime() - startNanos) / 1e9);
    }

    /** "2026-11-23T16:20:00Z, 33.7 s". */
    public String describe() {
        return startedAt + ", " + String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** Seconds rounded to one decimal, as rendered. */
    public double roundedSeconds() {
        return Math.round(seconds * 10.0) / 10.0;
    }
}
