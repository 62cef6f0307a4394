package org.lateral.submission;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;

/**
 * A compare-outlets attempt's saved work (DD015), each item with the seq the browser continues
 * from. Spans are the live ones; grids, cells and notes are those ever saved.
 */
public record CompareWork(
        Map<UUID, Grid> grids,
        List<PickedSpan> spans,
        List<Cell> cells,
        Map<UUID, Note> notes,
        @Nullable Judgement judgement) {

    public CompareWork {
        grids = Map.copyOf(grids);
        spans = List.copyOf(spans);
        cells = List.copyOf(cells);
        notes = Map.copyOf(notes);
    }

    public static CompareWork empty() {
        return new CompareWork(Map.of(), List.of(), List.of(), Map.of(), null);
    }

    public record Grid(UUID articleId, int seq, CompareWorkModel.Grid grid) {}

    /** @param kind {@code hedge} or {@code loaded} */
    public record PickedSpan(UUID spanId, int seq, UUID articleId, String kind, AnchoredSpan span) {}

    /** @param carried {@code fact}, {@code attributed}, {@code hedged}, {@code absent} or null */
    public record Cell(
            String claimId,
            UUID articleId,
            int seq,
            @Nullable String carried,
            @Nullable AnchoredSpan wording) {}

    public record Note(
            UUID outletId,
            int seq,
            @Nullable String address,
            @Nullable String note) {
        /** Whether the student has written something about the outlet (which shows its profile). */
        public boolean written() {
            return address != null || note != null;
        }
    }

    public record Judgement(int seq, @Nullable String text) {}

    public Optional<Cell> cell(String claimId, UUID articleId) {
        return cells.stream()
                .filter(c -> c.claimId().equals(claimId) && c.articleId().equals(articleId))
                .findFirst();
    }

    public List<PickedSpan> spans(UUID articleId, String kind) {
        return spans.stream()
                .filter(s -> s.articleId().equals(articleId) && s.kind().equals(kind))
                .toList();
    }
}
