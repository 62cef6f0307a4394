/**
 * Draft-key suggestions (issue 16, DD019): a pure, explainable suggester that reads a canonical
 * article text and proposes claims, sources and loaded-language phrases for the teacher to accept
 * or reject one by one. No UI, no database, no network: OpenNLP models come from their jars and the
 * cue lexicons from this package's resources.
 */
@NullMarked
package org.lateral.library.suggest;

import org.jspecify.annotations.NullMarked;
