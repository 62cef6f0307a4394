/**
 * The key editor (DD021): a teacher's own answer key for an article, written as a draft saved with
 * every change and published as an immutable key version; the draft-key suggestions are offered
 * item by item.
 */
@NullMarked
package org.lateral.library.keys;

import org.jspecify.annotations.NullMarked;
