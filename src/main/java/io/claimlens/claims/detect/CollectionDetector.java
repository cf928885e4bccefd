package io.claimlens.claims.detect;

import io.claimlens.ingest.Ingested;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.DetectedClaim;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.InputProblem;
import io.claimlens.model.SpeakerKind;
import io.claimlens.nlp.NameClusters;
import io.claimlens.nlp.NlpPipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Detects claims across a collection: reads, analyses and scores articles on {@code threads} threads, keeps going
 * past bad articles (each becomes an {@link InputProblem}), and finally maps person names (speakers, sources,
 * entities) to one spelling per person across the collection ({@link NameClusters}).
 *
 * <p>Results are in input order whatever the thread count, so the output is deterministic. Memory holds the
 * detected claims, not the analysed articles.
 */
public final class CollectionDetector {

    /** Progress and problems, called on the calling thread. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void articleDone(String articleId, int claims) {
        }

        default void problem(InputProblem problem) {
        }
    }

    /**
     * @param claims    every candidate claim of every article (unfiltered), in input order
     * @param problems  inputs that could not be used
     * @param articles  articles analysed
     * @param sentences sentences in those articles
     */
    public record Result(List<DetectedClaim> claims, List<InputProblem> problems, int articles, long sentences) {
    }

    private record Done(String articleId, List<DetectedClaim> claims, InputProblem problem, int sentences,
                        List<String> persons) {
        static Done failed(InputProblem p) {
            return new Done(null, List.of(), p, 0, List.of());
        }
    }

    private final Function<Article, AnalyzedArticle> analyze;
    private final ClaimDetector detector;
    private final int threads;

    /**
     * @param analyze  the NLP stage (thread-safe), e.g. {@code engine::analyze}
     * @param detector the detector (thread-safe)
     * @param threads  articles analysed at once (at least 1)
     */
    public CollectionDetector(Function<Article, AnalyzedArticle> analyze, ClaimDetector detector, int threads) {
        this.analyze = analyze;
        this.detector = detector;
        this.threads = Math.max(1, threads);
    }

    public Result run(Stream<Ingested> items, Listener listener) {
        List<DetectedClaim> claims = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        NameClusters names = new NameClusters();
        Set<String> seenIds = new HashSet<>();
        long[] counts = new long[2];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "claimlens-detect");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Done>> inFlight = new ArrayDeque<>();
        try {
            items.forEachOrdered(item -> {
                if (item instanceof Ingested.Rejected r) {
                    inFlight.add(CompletableFuture.completedFuture(Done.failed(r.problem())));
                } else {
                    Article a = ((Ingested.Read) item).article();
                    if (!seenIds.add(a.id())) {
                        inFlight.add(CompletableFuture.completedFuture(Done.failed(new InputProblem(a.origin(), 0,
                                "id", "ingest", "article id '" + a.id() + "' was already used in this collection; "
                                + "this one is skipped"))));
                    } else {
                        inFlight.add(pool.submit(() -> one(a)));
                    }
                }
                while (inFlight.size() > 4 * threads) {
                    collect(inFlight.poll(), claims, problems, names, counts, listener);
                }
            });
            while (!inFlight.isEmpty()) {
                collect(inFlight.poll(), claims, problems, names, counts, listener);
            }
        } finally {
            pool.shutdownNow();
        }
        List<DetectedClaim> resolved = new ArrayList<>(claims.size());
        for (DetectedClaim c : claims) {
            resolved.add(c.withNames(names::canonical));
        }
        return new Result(List.copyOf(resolved), List.copyOf(problems), (int) counts[0], counts[1]);
    }

    private Done one(Article a) {
        try {
            AnalyzedArticle an = analyze.apply(a);
            if (!NlpPipeline.ENGLISH.equals(an.language())) {
                return Done.failed(new InputProblem(a.origin(), 0, null, "nlp", "language '" + an.language()
                        + "' detected; only English is supported"));
            }
            List<String> persons = new ArrayList<>();
            for (EntityMention m : an.entities()) {
                if (m.type() == EntityType.PERSON) {
                    persons.add(m.canonical());
                }
            }
            for (Attribution at : an.attributions()) {
                if (at.hasSpeaker() && at.kind() == SpeakerKind.PERSON) {
                    persons.add(at.canonicalSpeaker());
                }
            }
            return new Done(a.id(), detector.detect(an), null, an.sentences().size(), persons);
        } catch (RuntimeException e) {
            return Done.failed(new InputProblem(a.origin(), 0, null, "claims", "detection failed: " + e));
        }
    }

    private static void collect(Future<Done> f, List<DetectedClaim> claims, List<InputProblem> problems,
                                NameClusters names, long[] counts, Listener listener) {
        Done d;
        try {
            d = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("detection failed", e.getCause());
        }
        if (d.problem() != null) {
            problems.add(d.problem());
            listener.problem(d.problem());
            return;
        }
        counts[0]++;
        counts[1] += d.sentences();
        claims.addAll(d.claims());
        d.persons().forEach(names::add);
        listener.articleDone(d.articleId(), d.claims().size());
    }
}
