/**
 * Scoring a student's marks against an answer key: pure functions, no I/O, so every rule is tested
 * on its own and a whole assignment can be re-scored fast (DD000, "Scoring").
 */
@NullMarked
package org.lateral.submission.scoring;

import org.jspecify.annotations.NullMarked;
