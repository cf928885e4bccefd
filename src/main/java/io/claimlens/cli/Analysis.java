package io.claimlens.cli;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.ingest.Ingested;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.InputProblem;
import io.claimlens.nlp.NameClusters;
import io.claimlens.nlp.NlpPipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the NLP stage over a collection for the {@code quotes} and {@code entities} commands, keeping only what they
 * print (attributions, entities), and clusters person names across the collection.
 */
final class Analysis {

    /** What is kept of one article. */
    record Kept(Article article, List<Attribution> attributions, List<EntityMention> entities) {
    }

    final List<Kept> articles = new ArrayList<>();
    final List<InputProblem> problems = new ArrayList<>();
    final NameClusters names = new NameClusters();

    static Analysis run(ClaimEngine engine, List<Path> paths) {
        Analysis a = new Analysis();
        try (Stream<Ingested> items = engine.reader().read(paths);
             Progress progress = new Progress(System.err, "articles analysed", 0)) {
            items.forEachOrdered(item -> {
                if (item instanceof Ingested.Rejected r) {
                    a.problems.add(r.problem());
                    System.err.println("skipped: " + r.problem().describe());
                    return;
                }
                Article art = ((Ingested.Read) item).article();
                try {
                    AnalyzedArticle an = engine.analyze(art);
                    if (!NlpPipeline.ENGLISH.equals(an.language())) {
                        InputProblem p = new InputProblem(art.origin(), 0, null, "nlp", "language '"
                                + an.language() + "' detected; only English is supported");
                        a.problems.add(p);
                        System.err.println("skipped: " + p.describe());
                        return;
                    }
                    a.articles.add(new Kept(art, an.attributions(), an.entities()));
                    for (EntityMention m : an.entities()) {
                        if (m.type() == EntityType.PERSON) {
                            a.names.add(m.canonical());
                        }
                    }
                } catch (RuntimeException e) {
                    InputProblem p = new InputProblem(art.origin(), 0, null, "nlp", "analysis failed: " + e);
                    a.problems.add(p);
                    System.err.println("skipped: " + p.describe());
                }
                progress.step();
            });
        }
        return a;
    }

    /** A person's canonical name across the collection; other speakers keep theirs. */
    String canonical(Attribution at) {
        if (at.canonicalSpeaker() == null || at.kind() != io.claimlens.model.SpeakerKind.PERSON) {
            return at.canonicalSpeaker();
        }
        return names.canonical(at.canonicalSpeaker());
    }

    String canonical(EntityMention m) {
        return m.type() == EntityType.PERSON ? names.canonical(m.canonical()) : m.canonical();
    }
}
