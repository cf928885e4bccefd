package io.claimlens.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work with a deadline, so that one pathological input becomes a recorded error instead of a hung run.
 *
 * <p>Each call runs on a pooled daemon thread and the caller waits at most the limit. On time-out the work is
 * interrupted ({@link Future#cancel(boolean) cancel(true)}) and the caller goes on; Java cannot stop a thread that
 * ignores interrupts (CoreNLP's taggers mostly do), so such a thread finishes its article in the background and
 * its result is dropped. New calls get fresh threads meanwhile. Thread-safe.
 */
public final class TimeLimit implements AutoCloseable {

    /** Thrown when work does not finish within its limit. */
    public static final class TimedOutException extends Exception {
        public TimedOutException(String message) {
            super(message);
        }
    }

    private final ExecutorService pool;

    public TimeLimit(String threadName) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} and returns its result, or throws {@link TimedOutException} after {@code limit}.
     * An exception thrown by the work is rethrown as is (unchecked ones) or wrapped (checked ones).
     */
    public <T> T call(Callable<T> work, Duration limit) throws TimedOutException {
        Future<T> f = pool.submit(work);
        try {
            return f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new TimedOutException("did not finish within " + describe(limit));
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** "90 s", "250 ms". */
    public static String describe(Duration d) {
        return d.toMillis() >= 1000 && d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
