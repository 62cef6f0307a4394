@NullMarked
package org.lateral.base.database;

import org.jspecify.annotations.NullMarked;
