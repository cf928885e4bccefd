package io.claimlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpTeaches() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("batch", "--help"));
        String h = out.toString();
        for (String s : List.of("--claims", "--articles", "--out", "--index", "--threads", "--resume", "--reports",
                "results.jsonl", "errors.jsonl", "summary.json", "Examples:", "--claims -")) {
            assertTrue(h.contains(s), s + " in\n" + h);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, cl.execute("index", "--help"));
        assertTrue(out.toString().contains("Incremental") && out.toString().contains("Example:"));
    }

    /** A claim detector's output piped in: {@code detect ... | batch --claims -}. */
    @Test
    void claimsFromStandardInput() throws Exception {
        String detected = "{\"claim\": \"The bridge will open in May.\", \"article\": \"a1\", \"score\": 0.91}\n"
                + "{\"claim\": \"Norland and Estovia are 'brothers in every storm,' says ambassador.\","
                + " \"start\": 3}\n";
        InputStream stdin = System.in;
        Path out = dir.resolve("run");
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code;
        try {
            System.setIn(new ByteArrayInputStream(detected.getBytes(StandardCharsets.UTF_8)));
            code = cl.execute("batch", "--claims", "-", "--articles", Fixtures.examples().toString(), "--out",
                    out.toString(), "--mode", "fast", "--threads", "2");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, code, err.toString());
        List<String> results = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(2, results.size());
        Set<String> texts = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String r : results) {
            texts.add(json.readTree(r).at("/claim/text").asText());
        }
        assertEquals(Set.of("The bridge will open in May.",
                "Norland and Estovia are 'brothers in every storm,' says ambassador."), texts);
        assertTrue(Files.readString(out.resolve("errors.jsonl")).isEmpty());
    }
}
