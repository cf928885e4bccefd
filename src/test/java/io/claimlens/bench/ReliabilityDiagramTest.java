package io.claimlens.bench;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliabilityDiagramTest {

    /**
     * 200 items whose top grade has probability 0.42 (bin 6 of 15: 0.400–0.467), half of them right. The one bar must
     * cover that bin's confidence range up to accuracy 0.5, and nothing else: no bar over other confidences, none
     * above 0.5.
     */
    @Test
    void aBinsBarSpansItsOwnConfidenceRangeUpToItsAccuracy() {
        int n = 200;
        double[][] probs = new double[n][];
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            probs[i] = new double[] {0.42, 0.33, 0.25};
            gold[i] = i % 2 == 0 ? 0 : 1;
        }
        double[][] bins = CalibrationReport.binAccuracy(probs, gold);
        assertEquals(0.5, bins[6][0], 1e-12);
        assertEquals(200, bins[6][1]);
        assertTrue(Double.isNaN(bins[7][0]));

        JFreeChart chart = CalibrationReport.reliabilityChart(probs, probs, gold, "test");
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(640, 560, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        int bar = CalibrationReport.BAR.getRGB();
        // inside the bin, below its accuracy (and clear of the diagonal, which crosses it near 0.43)
        assertEquals(bar, pixel(img, plot, area, 0.433, 0.15));
        // other confidences, and above the bin's accuracy: no bar
        assertNotEquals(bar, pixel(img, plot, area, 0.30, 0.15));
        assertNotEquals(bar, pixel(img, plot, area, 0.55, 0.15));
        assertNotEquals(bar, pixel(img, plot, area, 0.90, 0.15));
        assertNotEquals(bar, pixel(img, plot, area, 0.433, 0.70));
    }

    private static int pixel(BufferedImage img, XYPlot plot, Rectangle2D area, double confidence, double accuracy) {
        int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(confidence, area, plot.getDomainAxisEdge()));
        int y = (int) Math.round(plot.getRangeAxis().valueToJava2D(accuracy, area, plot.getRangeAxisEdge()));
        return img.getRGB(x, y);
    }
}
