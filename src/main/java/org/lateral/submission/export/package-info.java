/**
 * The teacher's exports of an assignment's results (DD016, "Exports"): pure builders that turn what
 * the results and reviews already say into CSV files and a W3C Web Annotation document. They decide
 * nothing about scoring: every found, missed or right is the graders' word.
 */
@NullMarked
package org.lateral.submission.export;

import org.jspecify.annotations.NullMarked;
