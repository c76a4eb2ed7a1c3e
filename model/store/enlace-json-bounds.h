/* enlace-json-bounds.h: limits on the JSON values a file or an exchange
 * carries (outlines, points, fields, row images)
 *
 * json-glib's parser recurses once per level: 80,000 nested arrays in an
 * outline overflowed the stack of import, check and plan.  Every JSON
 * text that comes from a file goes through enlace_json_within_bounds()
 * before it is parsed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper than any value Enlace writes (points are 2 levels, fields 3). */
#define ENLACE_JSON_MAX_DEPTH 32
/* 4 MiB: an outline of some 200,000 points. */
#define ENLACE_JSON_MAX_BYTES (4 * 1024 * 1024)

/* TRUE when @text (of @len bytes, -1: NUL-terminated) nests no deeper
 * than ENLACE_JSON_MAX_DEPTH and is no longer than ENLACE_JSON_MAX_BYTES;
 * otherwise FALSE with ENLACE_STORE_ERROR_INVALID saying which limit.
 * Does not check that the text is JSON. */
gboolean  enlace_json_within_bounds  (const char  *text,
                                      gssize       len,
                                      GError     **error);

G_END_DECLS
