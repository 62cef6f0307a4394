package org.lateral.base.highlighter;

/** A mark as stored, sent to the browser to draw. */
public record SavedMark(String markId, int seq, int start, int end, String exact, String type) {}
