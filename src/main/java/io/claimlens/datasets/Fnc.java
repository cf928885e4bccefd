package io.claimlens.datasets;

import io.claimlens.model.StanceLabel;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FNC-1: headline / body pairs with stance labels unrelated, discuss, agree, disagree.
 *
 * <p>Mapped to our stances: agree → SUPPORTS, disagree → REFUTES, discuss → NEUTRAL, unrelated → UNRELATED.
 */
public final class Fnc {

    /** A headline, the id of its body and the gold stance. */
    public record Pair(String headline, int bodyId, StanceLabel label) {
    }

    /** Pairs and the bodies they point to. */
    public record Split(List<Pair> pairs, Map<Integer, String> bodies) {
    }

    private Fnc() {
    }

    /** Reads {@code <prefix>_stances.csv.gz} and {@code <prefix>_bodies.csv.gz} ("train", "competition_test"). */
    public static Split read(Path dir, String prefix) throws IOException {
        Map<Integer, String> bodies = new HashMap<>();
        try (BufferedReader r = DataFiles.open(dir.resolve(prefix + "_bodies.csv.gz"))) {
            List<List<String>> rows = Csv.read(r);
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() >= 2) {
                    bodies.put(Integer.parseInt(row.get(0).strip()), row.get(1));
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        try (BufferedReader r = DataFiles.open(dir.resolve(prefix + "_stances.csv.gz"))) {
            List<List<String>> rows = Csv.read(r);
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() >= 3) {
                    pairs.add(new Pair(row.get(0), Integer.parseInt(row.get(1).strip()), map(row.get(2))));
                }
            }
        }
        return new Split(pairs, bodies);
    }

    public static StanceLabel map(String fnc) {
        return switch (fnc.strip().toLowerCase(Locale.ROOT)) {
            case "agree" -> StanceLabel.SUPPORTS;
            case "disagree" -> StanceLabel.REFUTES;
            case "discuss" -> StanceLabel.NEUTRAL;
            case "unrelated" -> StanceLabel.UNRELATED;
            default -> throw new IllegalArgumentException("unknown FNC-1 stance '" + fnc + "'");
        };
    }

    /**
     * The official FNC-1 score: +0.25 for each pair whose related/unrelated decision is right, +0.75 more for each
     * related pair whose exact label is right. Returns {raw score, maximum}.
     */
    public static double[] score(List<StanceLabel> gold, List<StanceLabel> predicted) {
        double score = 0;
        double max = 0;
        for (int i = 0; i < gold.size(); i++) {
            StanceLabel g = gold.get(i);
            StanceLabel p = predicted.get(i);
            boolean goldRelated = g != StanceLabel.UNRELATED;
            boolean predRelated = p != StanceLabel.UNRELATED;
            max += goldRelated ? 1.0 : 0.25;
            if (goldRelated == predRelated) {
                score += 0.25;
                if (goldRelated && g == p) {
                    score += 0.75;
                }
            }
        }
        return new double[] {score, max};
    }
}
