/** Pure text functions shared by features: tokens for snapping and scoring. */
@NullMarked
package org.lateral.base.text;

import org.jspecify.annotations.NullMarked;
