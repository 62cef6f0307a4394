/** Demo-mode seeding, through the other features' services; nothing depends on it. */
@NullMarked
package org.lateral.demo;

import org.jspecify.annotations.NullMarked;
