package io.claimlens.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress for long work: a self-updating line on a terminal (count, rate, ETA when the total is known), plain
 * periodic lines when output is redirected. Thread-safe.
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final String what;
    private final long total;
    private final boolean tty;
    private final long start = System.nanoTime();
    private long done;
    private long lastPrint;
    private boolean printed;

    Progress(PrintStream out, String what, long total) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    synchronized void step() {
        done++;
        long now = System.nanoTime();
        long interval = tty ? 200_000_000L : 10_000_000_000L;
        if (now - lastPrint >= interval) {
            lastPrint = now;
            print(false);
        }
    }

    private void print(boolean last) {
        double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        double rate = done / secs;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %,d", what, done));
        if (total > 0) {
            sb.append(String.format(Locale.ROOT, "/%,d", total));
        }
        sb.append(String.format(Locale.ROOT, " (%.1f/s", rate));
        if (total > 0 && !last && rate > 0) {
            long eta = (long) ((total - done) / rate);
            sb.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
        }
        sb.append(last ? String.format(Locale.ROOT, ", %.1f s)", secs) : ")");
        if (tty) {
            out.print("\r" + sb + "   ");
            if (last) {
                out.println();
            }
        } else {
            out.println(sb);
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
