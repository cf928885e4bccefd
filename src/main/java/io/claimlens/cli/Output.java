package io.claimlens.cli;

import io.claimlens.model.InputProblem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writing results to a file or stdout, and reporting skipped inputs. */
final class Output {

    private Output() {
    }

    static void write(Path out, String text) throws IOException {
        if (out == null) {
            PrintStream ps = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            ps.print(text);
            ps.flush();
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }

    static void problems(PrintStream err, List<InputProblem> problems) {
        for (InputProblem p : problems) {
            err.println("skipped: " + p.describe());
        }
    }
}
