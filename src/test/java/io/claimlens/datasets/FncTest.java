package io.claimlens.datasets;

import io.claimlens.model.StanceLabel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static io.claimlens.model.StanceLabel.NEUTRAL;
import static io.claimlens.model.StanceLabel.REFUTES;
import static io.claimlens.model.StanceLabel.SUPPORTS;
import static io.claimlens.model.StanceLabel.UNRELATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FncTest {

    @Test
    void csvFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
        List<List<String>> rows = Csv.read(new StringReader("Body ID,articleBody\n1,\"Line one, with comma\n"
                + "and \"\"quotes\"\"\"\n2,plain\n"));
        assertEquals(3, rows.size());
        assertEquals(List.of("1", "Line one, with comma\nand \"quotes\""), rows.get(1));
        assertEquals(List.of("2", "plain"), rows.get(2));
    }

    @Test
    void theOfficialScoreWeighsRelatedLabelsThreeTimesMore() {
        List<StanceLabel> gold = List.of(UNRELATED, SUPPORTS, REFUTES, NEUTRAL);
        // unrelated right (.25), agree right (1.0), disagree called discuss (.25), discuss called unrelated (0)
        double[] s = Fnc.score(gold, List.of(UNRELATED, SUPPORTS, NEUTRAL, UNRELATED));
        assertEquals(1.5, s[0], 1e-9);
        assertEquals(3.25, s[1], 1e-9);
        assertEquals(SUPPORTS, Fnc.map("agree"));
        assertEquals(REFUTES, Fnc.map("disagree"));
    }
}
