package io.claimlens.nlp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {

    @Test
    void normalisationDropsCaseDiacriticsSeparatorsAndPossessives() {
        assertEquals("choe son hui", Names.normalize("Choe Son-hui\u2019s"));
        assertEquals("jose alvarez", Names.normalize("Jos\u00e9 \u00c1lvarez"));
        assertEquals("kim jong un", Names.normalize("Kim  Jong-Un"));
    }

    @Test
    void spellingVariantsOfOnePersonMatch() {
        assertTrue(Names.sameName("Choe Son Hui", "Choe Son-hui"));
        assertTrue(Names.sameName("Choe Son Hui", "Choe Son-hye"));
        assertTrue(Names.sameName("Kim Jong Un", "Kim Jong-un"));
        assertTrue(Names.sameName("Volodymyr Zelensky", "Volodymyr Zelenskyy"));
        assertTrue(Names.sameName("Kang Min-seo", "Kang Min-so"));
        assertTrue(Names.sameName("Choe Sonhui", "Choe Son Hui"));
    }

    @Test
    void differentPeopleDoNotMatch() {
        assertFalse(Names.sameName("Kim Jong Un", "Kim Jong Il"));
        assertFalse(Names.sameName("Kim Jong Un", "Kim Jong Nam"));
        assertFalse(Names.sameName("John Smith", "Joan Smith"));
        assertFalse(Names.sameName("Kim Jong Un", "Kim Yo Jong"));
        assertFalse(Names.sameName("Sergei Lavrov", "Sergei Shoigu"));
        assertFalse(Names.sameName("Choe", "Choe Son Hui"));
        assertFalse(Names.sameName("", "x"));
    }

    @Test
    void shortFormsAreFirstOrLastParts() {
        assertTrue(Names.isShortFormOf("Choe", "Choe Son Hui"));
        assertTrue(Names.isShortFormOf("Zelensky", "Volodymyr Zelensky"));
        assertFalse(Names.isShortFormOf("Son", "Choe Son Hui"));
        assertFalse(Names.isShortFormOf("Putin", "Vladimir Lenin"));
    }

    @Test
    void clustersDoNotDependOnInsertionOrder() {
        List<String> names = List.of("Choe Son-hui", "Choe Son Hui", "Choe Son-hye", "Kim Jong Un", "Kim Jong-un",
                "Kim Jong Il", "Choe Son Hui");
        NameClusters a = new NameClusters();
        names.forEach(a::add);
        NameClusters b = new NameClusters();
        for (int i = names.size() - 1; i >= 0; i--) {
            b.add(names.get(i));
        }
        for (String n : names) {
            assertEquals(a.canonical(n), b.canonical(n), n);
        }
        assertEquals("Choe Son Hui", a.canonical("Choe Son-hye"));
        assertEquals("Kim Jong Il", a.canonical("Kim Jong Il"));
        assertEquals(a.canonical("Kim Jong Un"), a.canonical("Kim Jong-un"));
        assertEquals(List.of(List.of("Choe Son Hui", "Choe Son-hui", "Choe Son-hye"), List.of("Kim Jong Un",
                "Kim Jong-un")), a.variantGroups());
        assertEquals("Choe Son Hui", a.canonical("Choe Son-Hui"), "an unseen spelling joins its group");
        assertEquals("Nobody Known", a.canonical("Nobody Known"));
    }
}
