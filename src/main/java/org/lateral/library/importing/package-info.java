/**
 * Teachers bring their own articles (issue 16, DD017): pasted text, an uploaded .txt, .md, .docx or saved
 * web page, or (later) a page fetched by address, turned into a preview the teacher corrects and
 * then saves as a frozen, versioned article of their school; its owner may correct it later, which
 * adds a version. Nothing from a page runs in Lateral:
 * HTML is parsed and only its text is kept.
 */
@NullMarked
package org.lateral.library.importing;

import org.jspecify.annotations.NullMarked;
