/**
 * Scoring a student's marks against an answer key: pure functions, no I/O, so every rule is tested
 * on its own and a whole assignment can be re-scored fast (DD000, "Scoring"). {@link
 * org.lateral.submission.scoring.Scoring} scores marked claims, {@link
 * org.lateral.submission.scoring.SourceScoring} the "Who says so?" step (sources and their links
 * to claims), {@link org.lateral.submission.scoring.CompareScoring} the compare-outlets step (grid,
 * matrix and judgement); each has its own rules version.
 */
@NullMarked
package org.lateral.submission.scoring;

import org.jspecify.annotations.NullMarked;
