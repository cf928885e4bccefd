package io.claimlens.bench;

import io.claimlens.ml.Metrics;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * What "calibrated" means, measured: expected calibration error (equal-width bins on the top label's confidence),
 * its noise floor (the ECE a perfectly calibrated model shows on this many items, by drawing labels from the
 * predicted probabilities), a bootstrap interval, and a reliability diagram drawn with JFreeChart.
 */
public final class CalibrationReport {

    public static final int BINS = 15;

    private CalibrationReport() {
    }

    /**
     * The ECE distribution of a perfectly calibrated model with these predictions: labels are resampled from each
     * item's predicted distribution {@code reps} times (seeded); returns the 95th percentile.
     */
    public static double noiseFloor95(double[][] probs, int reps, long seed) {
        return noiseFloor(probs, reps, seed, 0.95);
    }

    /** As {@link #noiseFloor95}, the given quantile (0.5: the ECE a perfectly calibrated model typically shows). */
    public static double noiseFloor(double[][] probs, int reps, long seed, double quantile) {
        Random r = new Random(seed);
        double[] e = new double[reps];
        int[] y = new int[probs.length];
        for (int k = 0; k < reps; k++) {
            for (int i = 0; i < probs.length; i++) {
                double u = r.nextDouble();
                double c = 0;
                int label = probs[i].length - 1;
                for (int j = 0; j < probs[i].length; j++) {
                    c += probs[i][j];
                    if (u < c) {
                        label = j;
                        break;
                    }
                }
                y[i] = label;
            }
            e[k] = Metrics.ece(probs, y, BINS);
        }
        Arrays.sort(e);
        return e[(int) Math.floor(quantile * (reps - 1))];
    }

    /** A 95% bootstrap interval of the ECE (items resampled with replacement, seeded): {low, high}. */
    public static double[] bootstrap95(double[][] probs, int[] gold, int reps, long seed) {
        return Metrics.bootstrap95(probs.length, reps, seed, idx -> {
            double[][] p = new double[idx.length][];
            int[] y = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                p[i] = probs[idx[i]];
                y[i] = gold[idx[i]];
            }
            return Metrics.ece(p, y, BINS);
        });
    }

    /**
     * Draws accuracy per confidence bin against the diagonal: one bar per non-empty bin of the calibrated
     * probabilities, spanning exactly that bin's confidence range ({@link #BINS} equal-width bins of the top grade's
     * probability, as {@link Metrics#ece} bins them), with the diagonal and the raw probabilities' accuracy per bin
     * (at the bin centres) drawn over the bars; each bar is labelled with its number of items.
     */
    public static void reliabilityDiagram(double[][] calibrated, double[][] raw, int[] gold, String title, Path png)
            throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), reliabilityChart(calibrated, raw, gold, title), 640, 560);
    }

    static JFreeChart reliabilityChart(double[][] calibrated, double[][] raw, int[] gold, String title) {
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        XYIntervalSeries calibratedBins = new XYIntervalSeries("calibrated");
        double[][] bins = binAccuracy(calibrated, gold);
        for (int b = 0; b < BINS; b++) {
            if (!Double.isNaN(bins[b][0])) {
                double acc = bins[b][0];
                calibratedBins.add((b + 0.5) / BINS, b / (double) BINS, (b + 1) / (double) BINS, acc, 0, acc);
            }
        }
        bars.addSeries(calibratedBins);
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries diag = new XYSeries("perfect calibration");
        diag.add(0.0, 0.0);
        diag.add(1.0, 1.0);
        lines.addSeries(diag);
        XYSeries rawLine = new XYSeries("uncalibrated");
        double[][] rawBins = binAccuracy(raw, gold);
        for (int b = 0; b < BINS; b++) {
            if (!Double.isNaN(rawBins[b][0])) {
                rawLine.add((b + 0.5) / BINS, rawBins[b][0]);
            }
        }
        lines.addSeries(rawLine);
        NumberAxis x = new NumberAxis("confidence (top grade's probability)");
        x.setRange(0, 1);
        NumberAxis yAxis = new NumberAxis("accuracy");
        yAxis.setRange(0, 1);
        XYBarRenderer barRenderer = new XYBarRenderer(0.05);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setSeriesPaint(0, BAR);
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(true);
        XYPlot plot = new XYPlot(bars, x, yAxis, barRenderer);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
        lineRenderer.setSeriesPaint(0, Color.GRAY);
        lineRenderer.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        lineRenderer.setSeriesShapesVisible(0, false);
        lineRenderer.setSeriesPaint(1, new Color(200, 80, 60));
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        // the bars first, the diagonal and the raw line over them
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // how many items each bar stands on: a bin of a handful reads as miscalibrated by chance alone
        for (int b = 0; b < BINS; b++) {
            if (!Double.isNaN(bins[b][0])) {
                XYTextAnnotation count = new XYTextAnnotation(String.format(java.util.Locale.ROOT, "%,d",
                        (long) bins[b][1]), (b + 0.5) / BINS, Math.min(0.97, bins[b][0] + 0.03));
                count.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
                plot.addAnnotation(count);
            }
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The calibrated bars' colour. */
    static final Color BAR = new Color(70, 110, 180);

    /** Per bin: {accuracy, items}; accuracy NaN for an empty bin. */
    static double[][] binAccuracy(double[][] probs, int[] gold) {
        double[][] out = new double[BINS][2];
        for (int i = 0; i < gold.length; i++) {
            int top = Metrics.argmax(probs[i]);
            int b = Metrics.confidenceBin(probs[i][top], BINS);
            out[b][0] += top == gold[i] ? 1 : 0;
            out[b][1]++;
        }
        for (double[] bin : out) {
            bin[0] = bin[1] > 0 ? bin[0] / bin[1] : Double.NaN;
        }
        return out;
    }
}
