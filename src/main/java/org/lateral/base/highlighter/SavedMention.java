package org.lateral.base.highlighter;

/** A source mention as stored, with the seq the browser continues from (DD013, "Source work"). */
public record SavedMention(String mentionId, int seq, String sourceId, int start, int end, String exact) {}
