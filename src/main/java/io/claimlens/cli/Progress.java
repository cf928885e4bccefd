package io.claimlens.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress for long work. On a terminal: a self-updating line with a bar when the total is known,
 * {@code articles indexed [########------------]  41%  4,100/10,000  52.3/s  ETA 1:53}. When output is redirected
 * (a log file, CI): a plain line every {@link #LOG_INTERVAL_SECONDS} seconds with the same numbers, and a final
 * line. Thread-safe; the total may become known later ({@link #total(long)}).
 */
final class Progress implements AutoCloseable {

    /** Seconds between plain lines when not on a terminal. */
    static final int LOG_INTERVAL_SECONDS = 10;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final String what;
    private final boolean tty;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long total;
    private long done;
    private long lastPrint;
    private boolean printed;

    Progress(PrintStream out, String what, long total) {
        this(out, what, total, System.console() != null && !"dumb".equals(System.getenv("TERM")));
    }

    Progress(PrintStream out, String what, long total, boolean tty) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.tty = tty;
        this.intervalNanos = tty ? 200_000_000L : LOG_INTERVAL_SECONDS * 1_000_000_000L;
        this.lastPrint = start;
    }

    /** Sets the total once it is known (0 or less: unknown). */
    synchronized void total(long total) {
        this.total = total;
    }

    synchronized void step() {
        done++;
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos || (tty && !printed)) {
            lastPrint = now;
            print(false);
        }
    }

    synchronized long done() {
        return done;
    }

    /** The progress line (without terminal control characters). */
    synchronized String line(boolean last) {
        double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        double rate = done / secs;
        StringBuilder sb = new StringBuilder(what).append(": ");
        boolean known = total > 0;
        if (known && tty && !last) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
        }
        if (known) {
            sb.append(String.format(Locale.ROOT, "%3d%%  %,d/%,d", Math.min(100, 100 * done / total), done, total));
        } else {
            sb.append(String.format(Locale.ROOT, "%,d", done));
        }
        sb.append(String.format(Locale.ROOT, "  %.1f/s", rate));
        if (last) {
            sb.append(String.format(Locale.ROOT, "  in %s", clock((long) secs)));
        } else if (known && rate > 0 && done < total) {
            sb.append("  ETA ").append(clock((long) ((total - done) / rate)));
        }
        return sb.toString();
    }

    private static String clock(long secs) {
        return secs >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60)
                : String.format(Locale.ROOT, "%d:%02d", secs / 60, secs % 60);
    }

    private void print(boolean last) {
        String line = line(last);
        if (tty) {
            out.print("\r" + line + "\u001B[K");
            if (last) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
        printed = true;
    }

    @Override
    public synchronized void close() {
        if (printed || done > 0) {
            print(true);
        }
    }
}
