/**
 * Fetching an article by its address for the import screen (DD018, "Fetching an address"): http
 * and https only, every hop's host resolved once and every resolved address checked before
 * connecting to exactly that address, with timeouts and size, redirect and type limits. It
 * returns bytes; parsing them is the importer's job.
 */
@NullMarked
package org.lateral.library.fetch;

import org.jspecify.annotations.NullMarked;
