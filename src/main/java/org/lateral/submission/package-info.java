/** Submissions, attempts, marks and autosave, scoring, feedback. */
@NullMarked
package org.lateral.submission;

import org.jspecify.annotations.NullMarked;
