package io.claimlens.train;

import io.claimlens.claims.detect.CheckworthinessModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckworthinessTrainerChoiceTest {

    private static final CheckworthinessTrainer.Design LR = CheckworthinessTrainer.DESIGNS.get(1);
    private static final CheckworthinessTrainer.Design MLP5 = CheckworthinessTrainer.DESIGNS.get(3);
    private static final CheckworthinessTrainer.Design MLP10 = CheckworthinessTrainer.DESIGNS.get(7);

    /** A result whose measured speed says the opposite of its cost, to show speed is not what decides. */
    private static CheckworthinessTrainer.DesignResult result(CheckworthinessTrainer.Design d, double map,
                                                              double measuredSpeed) {
        return new CheckworthinessTrainer.DesignResult(d, 2, map, 0, 0, 0, new double[] {map}, new double[0], 1,
                measuredSpeed, CheckworthinessTrainer.multiplyAdds(d, 410, 64));
    }

    @Test
    void costIsCountedFromTheDesign() {
        assertEquals(MLP10.members(), 10);
        assertEquals(CheckworthinessModel.MLP, MLP5.head());
        assertEquals(5L * (410 * 64 + 128), CheckworthinessTrainer.multiplyAdds(MLP5, 410, 64));
        assertEquals(2L * 410, CheckworthinessTrainer.multiplyAdds(LR, 410, 64));
        assertEquals(2 * CheckworthinessTrainer.multiplyAdds(MLP5, 410, 64),
                CheckworthinessTrainer.multiplyAdds(MLP10, 410, 64));
    }

    @Test
    void theBestWinsUnlessACheaperDesignIsAsGood() {
        var mlp5 = result(MLP5, 0.170, 1000);
        var mlp10 = result(MLP10, 0.180, 9000);
        assertEquals(MLP10, CheckworthinessTrainer.choose(List.of(mlp5, mlp10)).design(),
                "0.010 better is better, whatever the timings");
        var closeMlp5 = result(MLP5, 0.176, 1);
        assertEquals(MLP5, CheckworthinessTrainer.choose(List.of(mlp10, closeMlp5)).design(),
                "within the tolerance, half the cost wins even when it was timed slower");
        var lr = result(LR, 0.1755, 1);
        assertEquals(LR, CheckworthinessTrainer.choose(List.of(mlp10, closeMlp5, lr)).design(),
                "the cheapest of those within the tolerance");
        assertTrue(CheckworthinessTrainer.MAP_TOLERANCE > 0);
    }
}
