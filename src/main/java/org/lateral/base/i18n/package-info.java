/** Every text Lateral shows, per language (DD034): the translations and the user's language. */
@NullMarked
package org.lateral.base.i18n;

import org.jspecify.annotations.NullMarked;
