package org.lateral.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.CompareScoring.Verdict;

/**
 * What a student sees of a compare-outlets attempt while a revision is still possible (DD006,
 * DD015): per article which of their grid answers to look at again, how many of the key's hedges
 * and loaded words they found, and how many of their matrix cells are right; never the key's
 * answers. No field here can hold a key's framing, count, reporting, outlet, word, carriage or
 * reason: the only texts are the outlet and title of the article the student compared, which the
 * lesson page shows anyway.
 *
 * @param score the score that counts, when the step has a score row; null before it has one
 * @param provisional the score leaves out the judgement, which the teacher has not graded yet
 */
public record CompareHints(@Nullable Double score, boolean provisional, List<ArticleHint> articles) {

    public CompareHints {
        articles = List.copyOf(articles);
    }

    /** A grid answer that is not right (wrong, or not given). */
    public enum Item {
        FRAMING,
        NAMED_SOURCES,
        ANONYMOUS_SOURCES,
        REPORTING,
        RELAYED_FROM
    }

    /**
     * One article.
     *
     * @param lookAgain the grid answers that are wrong or missing, in grid order
     * @param hedgesFound how many of the key's hedges the student picked
     * @param hedges how many hedges the key lists
     * @param hedgesExtra the student's picks that match none
     * @param rightCells the matrix cells of this article that are right
     * @param cells the matrix cells of this article
     */
    public record ArticleHint(
            UUID articleId,
            String outlet,
            String title,
            List<Item> lookAgain,
            int hedgesFound,
            int hedges,
            int hedgesExtra,
            int loadedFound,
            int loaded,
            int loadedExtra,
            int rightCells,
            int cells) {
        public ArticleHint {
            lookAgain = List.copyOf(lookAgain);
        }
    }

    /**
     * Keeps of a scored attempt only what may be shown while a revision is possible: the key stays
     * with the caller, only verdicts and counts are taken from it.
     */
    public static CompareHints of(
            CompareScoring.Key key,
            List<CompareFeedback.Column> columns,
            Map<UUID, String> texts,
            CompareWork work,
            double threshold,
            @Nullable Double score,
            boolean provisional) {
        CompareScoring.Result result = CompareFeedback.score(key, columns, texts, work, threshold);
        List<ArticleHint> articles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            CompareFeedback.Column column = columns.get(i);
            CompareScoring.ArticleResult r = result.articles().get(i);
            List<Item> lookAgain = new ArrayList<>();
            if (r.framing() != Verdict.RIGHT) {
                lookAgain.add(Item.FRAMING);
            }
            if (r.named() != Verdict.RIGHT) {
                lookAgain.add(Item.NAMED_SOURCES);
            }
            if (r.anonymous() != Verdict.RIGHT) {
                lookAgain.add(Item.ANONYMOUS_SOURCES);
            }
            if (r.reporting() != Verdict.RIGHT) {
                lookAgain.add(Item.REPORTING);
            }
            if (r.relayedFrom().f1() < 1) {
                lookAgain.add(Item.RELAYED_FROM);
            }
            String article = column.articleVersionId().toString();
            List<CompareScoring.CellResult> cells = result.cells().stream()
                    .filter(c -> c.article().equals(article))
                    .toList();
            articles.add(new ArticleHint(
                    column.articleId(),
                    column.outlet(),
                    column.title(),
                    lookAgain,
                    r.hedges().matches().size(),
                    r.hedges().matches().size() + r.hedges().missed().size(),
                    r.hedges().extra().size(),
                    r.loadedWords().matches().size(),
                    r.loadedWords().matches().size() + r.loadedWords().missed().size(),
                    r.loadedWords().extra().size(),
                    (int) cells.stream()
                            .filter(c -> c.verdict() == Verdict.RIGHT)
                            .count(),
                    cells.size()));
        }
        return new CompareHints(score, provisional, articles);
    }
}
