/** Login, roles and the signed-in user. Per-resource checks live in each feature's services. */
@NullMarked
package org.lateral.security;

import org.jspecify.annotations.NullMarked;
