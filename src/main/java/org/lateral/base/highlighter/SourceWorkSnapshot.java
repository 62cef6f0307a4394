package org.lateral.base.highlighter;

import java.util.List;

/**
 * The student's live "Who says so?" work as the browser restores it (DD013, "Source work"): each
 * live source with its live mentions, and the live links, each item with the seq the browser
 * continues from. It reaches the browser as {@code {sources: [...], links: [...]}}.
 */
public record SourceWorkSnapshot(List<SavedSource> sources, List<SavedLink> links) {

    public SourceWorkSnapshot {
        sources = List.copyOf(sources);
        links = List.copyOf(links);
    }

    public static SourceWorkSnapshot empty() {
        return new SourceWorkSnapshot(List.of(), List.of());
    }
}
