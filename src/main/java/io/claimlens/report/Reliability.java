package io.claimlens.report;

import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How far a reader can trust the verdict's probabilities: which calibrator the verdict model uses and what
 * calibration error (ECE) it measured on held-out data, read from the model's card.
 *
 * <p>Cards are read defensively: metric and configuration names differ between model versions ({@code cv5_ece},
 * {@code test_ece}, {@code heldout_ece_calibrated}, ...), so every metric whose name mentions ECE, accuracy, F1,
 * Brier score or log-loss is kept with a meaning derived from its name, and a card without them gives a note that
 * says so rather than an error.
 *
 * @param modelId    the verdict model's id
 * @param calibrator the calibration method as the card states it, or {@code null}
 * @param metrics    the card's quality metrics, ECE first, in name order within each kind
 */
public record Reliability(String modelId, String calibrator, List<Metric> metrics) {

    /** Configuration keys under which cards have named their calibrator. */
    private static final List<String> CALIBRATOR_KEYS = List.of("calibration", "calibrator", "calibration_method",
            "calibrationMethod");

    /**
     * One metric from a card.
     *
     * @param name    the name on the card ("cv5_ece")
     * @param value   its value
     * @param meaning the name in words ("expected calibration error, 5-fold cross-validation")
     */
    public record Metric(String name, double value, String meaning) {

        boolean isEce() {
            return tokens(name).contains("ece");
        }

        /** True for a metric measured before calibration ({@code cv5_ece_uncalibrated}, {@code raw_ece}). */
        boolean beforeCalibration() {
            List<String> t = tokens(name);
            return t.contains("uncalibrated") || t.contains("raw") || t.contains("before") || t.contains("precal");
        }
    }

    public Reliability {
        metrics = List.copyOf(metrics);
    }

    /** Reads the card of the model at {@code location} (a directory or {@code classpath:models/<id>}). */
    public static Reliability ofModel(String location) {
        return of(ModelStore.load(location).card());
    }

    public static Reliability of(ModelCard card) {
        String calibrator = null;
        Map<String, Object> config = card.config() == null ? Map.of() : card.config();
        for (String k : CALIBRATOR_KEYS) {
            Object v = config.get(k);
            if (v != null && !v.toString().isBlank()) {
                calibrator = v.toString();
                break;
            }
        }
        List<Metric> ece = new ArrayList<>();
        List<Metric> other = new ArrayList<>();
        Map<String, Double> m = card.metrics() == null ? Map.of() : new TreeMap<>(card.metrics());
        for (Map.Entry<String, Double> e : m.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                continue;
            }
            Metric metric = new Metric(e.getKey(), e.getValue(), meaning(e.getKey()));
            List<String> t = tokens(e.getKey());
            if (metric.isEce()) {
                ece.add(metric);
            } else if (t.contains("accuracy") || t.contains("acc") || t.contains("f1") || t.contains("brier")
                    || t.contains("nll")) {
                other.add(metric);
            }
        }
        ece.sort((a, b) -> Boolean.compare(a.beforeCalibration(), b.beforeCalibration()));
        List<Metric> all = new ArrayList<>(ece);
        all.addAll(other);
        return new Reliability(card.id(), calibrator, all);
    }

    /** The calibration error after calibration on held-out data, when the card reports one. */
    public Optional<Metric> heldOutEce() {
        return metrics.stream().filter(x -> x.isEce() && !x.beforeCalibration()).findFirst();
    }

    /** The note, in sentences: which model and calibrator, what ECE, and the other metrics the card reports. */
    public String describe() {
        StringBuilder sb = new StringBuilder("The grade probabilities come from the verdict model ").append(modelId);
        sb.append(calibrator == null ? "; its model card names no calibrator." : ", calibrated by " + calibrator
                + ".");
        Optional<Metric> ece = heldOutEce();
        if (ece.isPresent()) {
            List<String> main = qualifiers(ece.get());
            sb.append(String.format(Locale.ROOT, " Its expected calibration error (ECE) on held-out data is %.3f",
                    ece.get().value()));
            List<String> notes = new ArrayList<>();
            if (!main.isEmpty()) {
                notes.add(String.join(", ", main));
            }
            for (Metric x : metrics) {
                if (x.isEce() && x != ece.get()) {
                    List<String> q = new ArrayList<>(qualifiers(x));
                    q.removeAll(main);
                    notes.add(String.format(Locale.ROOT, "%s: %.3f", q.isEmpty() ? x.name() : String.join(", ", q),
                            x.value()));
                }
            }
            if (!notes.isEmpty()) {
                sb.append(" (").append(String.join("; ", notes)).append(')');
            }
            sb.append(String.format(Locale.ROOT, ": on held-out claims, the probability given to the chosen grade"
                    + " differed from how often that grade was right by %.3f on average.", ece.get().value()));
        } else {
            sb.append(" Its model card reports no calibration error, so the probabilities are not known to be"
                    + " calibrated.");
        }
        List<String> rest = new ArrayList<>();
        for (Metric x : metrics) {
            if (!x.isEce()) {
                List<String> q = qualifiers(x);
                String what = x.meaning().split(", ")[0];
                rest.add(String.format(Locale.ROOT, "%s %.3f", what, x.value())
                        + (q.isEmpty() ? "" : " (" + String.join(", ", q) + ")"));
            }
        }
        if (!rest.isEmpty()) {
            sb.append(" Also on its card: ").append(String.join("; ", rest)).append('.');
        }
        return sb.toString();
    }

    /** The parts of a metric's meaning after what it measures: "5-fold cross-validation", "before calibration". */
    private static List<String> qualifiers(Metric m) {
        List<String> parts = new ArrayList<>(List.of(m.meaning().split(", ")));
        parts.remove(0);
        return parts;
    }

    static List<String> tokens(String name) {
        return List.of(name.toLowerCase(Locale.ROOT).split("[_\\-.\\s]+"));
    }

    /** "cv5_ece_uncalibrated" → "expected calibration error, 5-fold cross-validation, before calibration". */
    static String meaning(String name) {
        String what = null;
        List<String> where = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String t : tokens(name)) {
            switch (t) {
                case "ece" -> what = "expected calibration error";
                case "accuracy", "acc" -> what = "accuracy";
                case "f1" -> what = what == null ? "F1" : what;
                case "macro" -> what = "macro-F1";
                case "brier" -> what = "Brier score";
                case "nll" -> what = "log-loss";
                case "test" -> where.add("held-out test set");
                case "heldout", "holdout" -> where.add("held-out data");
                case "dev", "val", "validation" -> where.add("validation set");
                case "oof" -> where.add("out-of-fold");
                case "uncalibrated", "raw", "before", "precal" -> where.add("before calibration");
                case "calibrated" -> where.add("after calibration");
                default -> {
                    if (t.matches("cv\\d+")) {
                        where.add(t.substring(2) + "-fold cross-validation");
                    } else if (t.equals("cv")) {
                        where.add("cross-validation");
                    } else {
                        rest.add(t);
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder(what == null ? String.join(" ", rest) : what);
        if (what != null && !rest.isEmpty()) {
            sb.append(" (").append(String.join(" ", rest)).append(')');
        }
        for (String w : where) {
            sb.append(", ").append(w);
        }
        return sb.toString();
    }
}
