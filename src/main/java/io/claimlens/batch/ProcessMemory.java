package io.claimlens.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's peak resident memory, for summaries and benchmarks. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Peak resident set size in MiB (Linux {@code VmHWM}), or -1 where the platform does not say. */
    public static long peakRssMb() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).replace("kB", "").strip();
                    return Long.parseLong(kb) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
