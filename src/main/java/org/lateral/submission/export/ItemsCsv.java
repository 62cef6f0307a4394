package org.lateral.submission.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lateral.library.ClaimType;
import org.lateral.submission.AttemptReview;
import org.lateral.submission.ClaimReview;
import org.lateral.submission.CompareReview;
import org.lateral.submission.SourceReview;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.SourceScoring;

/**
 * One row per student and key item of each step's counted attempt: a key claim (found, found with
 * another type, missed), a key source (found, kind right) or a grid item or matrix cell of a
 * comparison (the answer, the key's, right or wrong). The outcomes are copied from the reviews the
 * graders build ({@code Grader}, {@code SourceGrader}, {@code CompareGrader}), so the export and the
 * teacher's review can never disagree on what was found.
 */
public final class ItemsCsv {

    public static final List<String> HEADER = List.of(
            "Student",
            "Username",
            "Step",
            "Exercise",
            "Attempt",
            "Item",
            "Key item",
            "Key answer",
            "Student answer",
            "Outcome",
            "Right");

    private ItemsCsv() {}

    /** Who and which attempt a group of rows is about. */
    public record Who(String displayName, String username, int step, String exercise, int attempt) {}

    /**
     * One row.
     *
     * @param item what kind of item ("claim", "source", "framing", "matrix"...)
     * @param keyItem the key's claim words, source name, or the outlet (and claim) of a grid item
     * @param right whether the answer counts as right: the type accepted, the kind right, the verdict
     */
    public record Row(
            Who who, String item, String keyItem, String keyAnswer, String answer, String outcome, boolean right) {}

    public static byte[] build(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(List.of(
                    r.who().displayName(),
                    r.who().username(),
                    String.valueOf(r.who().step() + 1),
                    r.who().exercise(),
                    String.valueOf(r.who().attempt()),
                    r.item(),
                    r.keyItem(),
                    r.keyAnswer(),
                    r.answer(),
                    r.outcome(),
                    Csv.yesNo(r.right())));
        }
        return Csv.write(HEADER, cells);
    }

    /** A mark-claims attempt: one row per key claim, the type chosen beside the types the key accepts. */
    public static List<Row> claims(Who who, AttemptReview review) {
        List<Row> rows = new ArrayList<>();
        for (ClaimReview c : review.claims()) {
            rows.add(new Row(
                    who,
                    "claim",
                    c.exact(),
                    c.accepted().stream().map(ClaimType::code).sorted().collect(Collectors.joining(" or ")),
                    c.yourMark() == null ? "" : c.yourMark().type().code(),
                    outcome(c.outcome()),
                    c.outcome() == ClaimReview.Outcome.FOUND));
        }
        return rows;
    }

    /** A "Who says so?" attempt: one row per key source, found or not, and the kind given. */
    public static List<Row> sources(Who who, SourceReview review) {
        List<Row> rows = new ArrayList<>();
        for (SourceReview.FoundSource f : review.found()) {
            rows.add(new Row(
                    who,
                    "source",
                    f.keyName(),
                    f.keyKind().code(),
                    f.yourKind() == null ? "" : f.yourKind().code(),
                    f.kindRight() ? "found, kind right" : f.yourKind() == null ? "found, no kind" : "found, kind wrong",
                    f.kindRight()));
            // The origin of a found source is scored too (its own part of the score, DD013).
            rows.add(new Row(
                    who,
                    "source origin",
                    f.keyName(),
                    f.keyOrigin(),
                    f.yourOrigin(),
                    origin(f.origin()),
                    f.originRight()));
        }
        for (SourceReview.MissedSource m : review.missed()) {
            rows.add(new Row(who, "source", m.name(), m.kind().code(), "", "missed", false));
        }
        return rows;
    }

    /**
     * A compare-outlets attempt: per article its grid items (framing, named and anonymous source
     * counts, reporting, relayed from, hedges, loaded words), then one row per matrix cell. Items the
     * scoring leaves out (no hedges in key or answer) are left out here too. Relayed-from, hedges and
     * loaded words are scored by overlap (F1), so their outcome gives it and right means all of it.
     */
    public static List<Row> compare(Who who, CompareReview review) {
        List<Row> rows = new ArrayList<>();
        for (CompareReview.ArticleReview a : review.articles()) {
            String outlet = a.column().outlet();
            rows.add(choice(who, "framing", outlet, a.framing()));
            rows.add(count(who, "named sources", outlet, a.named()));
            rows.add(count(who, "anonymous sources", outlet, a.anonymous()));
            rows.add(choice(who, "reporting", outlet, a.reporting()));
            // Relayed from counts (as 0) even without a reporting category (DD014), so it always has a row.
            CompareReview.Relays relays = a.relayedFrom();
            List<String> keyOutlets = Stream.concat(relays.found().stream(), relays.missed().stream())
                    .toList();
            rows.add(new Row(
                    who,
                    "relayed from",
                    outlet,
                    keyOutlets.isEmpty() ? "none" : String.join("; ", keyOutlets),
                    relays.scored()
                            ? String.join(
                                    "; ",
                                    Stream.concat(relays.found().stream(), relays.extra().stream())
                                            .toList())
                            : "",
                    relays.scored() ? f1(relays.f1()) : "not given",
                    relays.scored() && relays.f1() >= 1.0));
            spans(who, "hedges", outlet, a.hedges()).ifPresent(rows::add);
            spans(who, "loaded words", outlet, a.loadedWords()).ifPresent(rows::add);
        }
        for (CompareReview.ClaimRow claim : review.matrix()) {
            for (CompareReview.Cell cell : claim.cells()) {
                rows.add(choice(
                        who,
                        "matrix",
                        claim.claim() + " \u2014 " + cell.column().outlet(),
                        cell.carriage()));
            }
        }
        return rows;
    }

    private static Row choice(Who who, String item, String keyItem, CompareReview.Choice choice) {
        List<String> key = new ArrayList<>();
        key.add(choice.key());
        key.addAll(choice.alsoAccepted());
        return new Row(
                who,
                item,
                keyItem,
                String.join(" or ", key),
                choice.given() == null ? "" : choice.given(),
                verdict(choice.verdict()),
                choice.verdict() == CompareScoring.Verdict.RIGHT);
    }

    private static Row count(Who who, String item, String keyItem, CompareReview.CountItem count) {
        return new Row(
                who,
                item,
                keyItem,
                count.min() == count.max() ? String.valueOf(count.min()) : count.min() + "\u2013" + count.max(),
                count.given() == null ? "" : String.valueOf(count.given()),
                verdict(count.verdict()),
                count.verdict() == CompareScoring.Verdict.RIGHT);
    }

    /** Spans: the key's phrases as it quotes them; the answer is every pick. */
    private static Optional<Row> spans(Who who, String item, String keyItem, CompareReview.Spans spans) {
        if (!spans.scored()) {
            return Optional.empty();
        }
        return Optional.of(new Row(
                who,
                item,
                keyItem,
                spans.key().isEmpty() ? "none" : String.join("; ", spans.key()),
                spans.picks().stream().map(CompareReview.Pick::exact).collect(Collectors.joining("; ")),
                f1(spans.f1()),
                spans.f1() >= 1.0));
    }

    static String outcome(ClaimReview.Outcome outcome) {
        return switch (outcome) {
            case FOUND -> "found";
            case MISLABELLED -> "mislabelled";
            case MISSED -> "missed";
        };
    }

    private static String origin(SourceScoring.OriginVerdict verdict) {
        return switch (verdict) {
            case RIGHT -> "right";
            case NOT_GIVEN -> "not given";
            case FIRST_HAND_BUT_RELAYED -> "wrong: relayed, not first-hand";
            case RELAYED_BUT_FIRST_HAND -> "wrong: first-hand, not relayed";
            case WRONG_OUTLET -> "wrong outlet";
        };
    }

    private static String verdict(CompareScoring.Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String f1(double f1) {
        return "overlap " + String.format(Locale.ROOT, "%.2f", f1);
    }
}
