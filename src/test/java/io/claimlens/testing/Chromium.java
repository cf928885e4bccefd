package io.claimlens.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for tests that must see a page as a browser does. {@code .ci/run} installs Debian's
 * {@code chromium} package when it is missing; under CI ({@code CI=true}) a missing browser fails the test loudly,
 * elsewhere the test is skipped.
 *
 * <p>Every run gets a fresh profile directory and a time limit, and the flags that keep a headless browser from
 * reaching the network on its own (no background networking, component updates or sync).
 */
public final class Chromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;
    private final Path work;

    private Chromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /**
     * The installed browser, using {@code work} for profiles. Fails under CI and skips elsewhere when there is none
     * ({@code CLAIMLENS_CHROMIUM} names a binary explicitly).
     */
    public static Chromium find(Path work) {
        Path found = null;
        String explicit = System.getenv("CLAIMLENS_CHROMIUM");
        if (explicit != null && Files.isExecutable(Path.of(explicit))) {
            found = Path.of(explicit);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String n : NAMES) {
                if (found == null && !dir.isEmpty() && Files.isExecutable(Path.of(dir, n))) {
                    found = Path.of(dir, n);
                }
            }
        }
        if (found == null) {
            String why = "no chromium on PATH (install Debian's chromium package: .ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; under CI a browser test may not be skipped");
            }
            assumeTrue(false, why);
        }
        return new Chromium(found, work);
    }

    /** The page's DOM after it loaded and ran whatever scripts it was allowed to. */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()), null);
    }

    /** Takes a screenshot of the page at {@code width x height} and returns the PNG's path. */
    public Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + png,
                page.toUri().toString()), png);
        return png;
    }

    private String run(List<String> args, Path mustCreate) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || (mustCreate != null && !Files.isRegularFile(mustCreate))) {
            fail("chromium failed (exit " + p.exitValue() + "): " + cmd + "\n" + tail(stderr));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
