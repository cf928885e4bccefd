package io.claimlens.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @Test
    void terminalLineHasABarPercentRateAndEta() {
        Progress p = new Progress(new PrintStream(new ByteArrayOutputStream()), "articles indexed", 200, true);
        for (int i = 0; i < 50; i++) {
            p.step();
        }
        String line = p.line(false);
        assertTrue(line.startsWith("articles indexed: [######------------------]  25%  50/200  "), line);
        assertTrue(line.matches(".*  [0-9.]+/s  ETA \\d+:\\d\\d$"), line);
    }

    @Test
    void unknownTotalShowsCountAndRateOnly() {
        Progress p = new Progress(new PrintStream(new ByteArrayOutputStream()), "claims checked", -1, false);
        p.step();
        String line = p.line(false);
        assertTrue(line.matches("claims checked: 1  [0-9.]+/s"), line);
        p.total(4);
        assertTrue(p.line(false).startsWith("claims checked:  25%  1/4"), p.line(false));
    }

    @Test
    void redirectedOutputGetsPlainLinesAndAFinalOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "articles", 3, false)) {
            p.step();
            p.step();
            p.step();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r") || out.contains("\u001B"), "no terminal control characters: " + out);
        String[] lines = out.split("\n");
        assertEquals(1, lines.length, "nothing before the first interval, then the final line: " + out);
        assertTrue(lines[0].startsWith("articles: 100%  3/3  ") && lines[0].contains(" in 0:0"), lines[0]);
    }
}
