package org.lateral.submission;

import java.util.List;
import org.lateral.base.highlighter.SavedLink;
import org.lateral.base.highlighter.SavedSource;

/**
 * An attempt's live "Who says so?" work, what an open tab restores (DD013, "Source work"): the
 * sources not deleted, each with its live mentions, and the live links whose source is live or
 * not given. Deleted items and the mentions and links of deleted sources are left out.
 */
public record SourceWork(List<SavedSource> sources, List<SavedLink> links) {

    public SourceWork {
        sources = List.copyOf(sources);
        links = List.copyOf(links);
    }
}
