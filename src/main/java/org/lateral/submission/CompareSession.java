package org.lateral.submission;

import java.util.List;
import org.lateral.library.LibraryPins;

/**
 * What the lesson page needs for a compare-outlets step (DD015): the columns (each pinned article
 * with its outlet), the story's core claims as the matrix's rows (their words only: how each
 * article carries them is the key's and stays on the server until feedback), the judgement's
 * rubric, whether outlet profiles show at once, and the attempt's saved work.
 */
public record CompareSession(
        List<LibraryPins.ColumnArticle> columns,
        List<CoreClaim> claims,
        List<LibraryPins.RubricLevel> rubric,
        boolean outletProfilesAtOnce,
        CompareWork work) {

    public CompareSession {
        columns = List.copyOf(columns);
        claims = List.copyOf(claims);
        rubric = List.copyOf(rubric);
    }

    /** A core claim of the story, as the matrix's row shows it. */
    public record CoreClaim(String id, String claim) {}
}
