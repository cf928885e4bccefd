package io.claimlens.reliability;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.report.JsonReports;
import io.claimlens.retrieve.Corpus;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One engine shared by 8 threads gives byte-identical reports to one thread on the same inputs: the real shared
 * engine (CoreNLP light, the ONNX encoder, the shipped models) on the example collection.
 */
class SharedEngineDeterminismTest {

    private static final List<String> CLAIMS = List.of(
            "Norland and Estovia are 'brothers in every storm,' says ambassador.",
            "The ministry denied that the talks had failed.",
            "The Norvik bridge will open in May.",
            "\u201CWe are the closest of countries,\u201D the minister said.");

    private static String json(ClaimEngine engine, String claim, Corpus corpus) {
        return JsonReports.toJson(JsonReports.report(engine.check(claim, corpus), true), true);
    }

    @Test
    void eightThreadsGiveTheSameBytesAsOne() throws Exception {
        ClaimEngine engine = Fixtures.engine();
        try (Corpus one = engine.index(List.of(Fixtures.examples()), null, IndexListener.NONE, 1).corpus();
             Corpus eight = engine.index(List.of(Fixtures.examples()), null, IndexListener.NONE, 8).corpus()) {
            assertEquals(one.checksum(), eight.checksum(), "indexing on 8 threads gives the same corpus");
            List<String> sequential = new ArrayList<>();
            for (String c : CLAIMS) {
                sequential.add(json(engine, c, one));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String[]>> runs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int shift = t;
                    runs.add(pool.submit(() -> {
                        // each thread takes the claims in its own order, so different claims overlap in time
                        String[] got = new String[CLAIMS.size()];
                        for (int i = 0; i < CLAIMS.size(); i++) {
                            int k = (i + shift) % CLAIMS.size();
                            got[k] = json(engine, CLAIMS.get(k), eight);
                        }
                        return got;
                    }));
                }
                for (Future<String[]> f : runs) {
                    String[] got = f.get();
                    for (int k = 0; k < CLAIMS.size(); k++) {
                        assertEquals(sequential.get(k), got[k], "claim " + k + " differs under 8 threads");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
