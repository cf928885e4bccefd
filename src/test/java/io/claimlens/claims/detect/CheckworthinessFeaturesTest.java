package io.claimlens.claims.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckworthinessFeaturesTest {

    private static double f(String text, String name) {
        return CheckworthinessFeatures.compute(text)[CheckworthinessFeatures.NAMES.indexOf(name)];
    }

    @Test
    void featuresSeeWhatTheirNamesSay() {
        String stat = "Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years.";
        assertTrue(f(stat, "digits") > 0 && f(stat, "percent_or_money") == 1 && f(stat, "year") == 1);
        assertTrue(f(stat, "superlative") > 0);
        assertEquals(0, f("Thank you very much, everybody.", "digits"));
        assertEquals(1, f("Thank you very much, everybody.", "greeting_or_thanks"));
        assertEquals(1, f("(APPLAUSE)", "transcript_marker"));
        assertEquals(1, f("Are you sure about that?", "question"));
        assertTrue(f("I think we will win.", "first_person_singular") > 0);
        assertTrue(f("I think we will win.", "first_person_plural") > 0);
        assertTrue(f("I think we will win.", "modal_or_future") > 0);
        assertEquals(1, f("He called it a \u201Choly struggle\u201D yesterday.", "quote_marks"));
        assertEquals(Math.log1p(5), f("Kim Jong Un met Vladimir Putin in Pyongyang.", "capitalised_inside"), 1e-12);
        assertEquals(0, f("I met him.", "capitalised_inside"), "a capitalised first word or 'I' is no name");
        assertEquals(CheckworthinessFeatures.NAMES.size(), CheckworthinessFeatures.compute("").length);
    }
}
