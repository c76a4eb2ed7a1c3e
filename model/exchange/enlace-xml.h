/* enlace-xml.h: export and import a whole project as XML
 *
 * The format is described by data/enlace.rng (embedded in the program)
 * and docs/file-format.md.  Export writes every object of the inventory,
 * the meta table, the status history of extensions, the plans, the cases,
 * and the design's cabling rules, label templates, prices and tests of
 * runs (not the audit log) in a fixed order, with references as readable
 * keys, so that export → import → export gives the same bytes.
 *
 * Import reads a file into an EMPTY project as one undoable command
 * ("Import XML"): all or nothing.  The file is validated against the
 * schema while it is read; every problem is reported with its line
 * ("line 42: element cable: …") and leaves the project unchanged.
 * Parsing is hardened: no network, no DTD, no entities (a file with a
 * DOCTYPE is refused), bounded depth and size.
 */
#pragma once

#include <gio/gio.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_XML_ERROR (enlace_xml_error_quark ())

typedef enum
{
  ENLACE_XML_ERROR_MALFORMED,  /* not well-formed XML, or not UTF-8 */
  ENLACE_XML_ERROR_INVALID,    /* breaks the schema (data/enlace.rng) */
  ENLACE_XML_ERROR_REFERENCE,  /* a reference to an object that is not in the file */
  ENLACE_XML_ERROR_DUPLICATE,  /* two objects with the same key */
  ENLACE_XML_ERROR_RULE,       /* a value breaks a rule of the inventory */
  ENLACE_XML_ERROR_UNSAFE,     /* DOCTYPE, entities */
  ENLACE_XML_ERROR_TOO_BIG,    /* larger than the size limit */
  ENLACE_XML_ERROR_TOO_DEEP,   /* nested deeper than the depth limit */
  ENLACE_XML_ERROR_NOT_EMPTY,  /* import into a project that has objects */
  ENLACE_XML_ERROR_FAILED,     /* I/O or database error */
} EnlaceXmlError;

/* Largest file import accepts. */
#define ENLACE_XML_MAX_SIZE  ((goffset) 512 * 1024 * 1024)
/* Deepest element nesting import accepts (the format needs 3). */
#define ENLACE_XML_MAX_DEPTH 16
/* Version of the XML format (the version attribute of <enlace>). */
#define ENLACE_XML_FORMAT_VERSION 1

#ifndef ENLACE_PROGRESS_FUNC_DEFINED
#define ENLACE_PROGRESS_FUNC_DEFINED
/* Reports the progress of a long operation, @fraction from 0 to 1. */
typedef void (*EnlaceProgressFunc) (double   fraction,
                                    gpointer user_data);
#endif

GQuark   enlace_xml_error_quark        (void);

/* Writes the whole project to @path (atomically: a temporary file
 * renamed over @path). */
gboolean enlace_xml_export             (EnlaceStore         *store,
                                        const char          *path,
                                        GError             **error);
/* The whole project as a NUL-terminated UTF-8 string of @len bytes. */
gboolean enlace_xml_export_to_memory   (EnlaceStore         *store,
                                        char               **out,
                                        gsize               *len,
                                        GError             **error);
/* Writes the whole project to @stream (not closed). */
gboolean enlace_xml_export_to_stream   (EnlaceStore         *store,
                                        GOutputStream       *stream,
                                        GCancellable        *cancellable,
                                        GError             **error);

/* Imports @path into @store, which must hold no objects (meta excepted).
 * One command labelled "Import XML": undo removes everything imported.
 *
 * Threads: the function may run in a worker thread (the GUI does), but
 * then that thread must be the only user of @store until it returns, and
 * EnlaceStore::changed is emitted in that thread; the GUI should import
 * through a store of its own on the same file and reload afterwards.
 * @progress (may be NULL) is called in the importing thread, at most a
 * hundred times or so, with the fraction of the file read.
 *
 * Cancelling @cancellable stops the import and changes nothing; the
 * error is then G_IO_ERROR_CANCELLED.  Other errors are in the
 * ENLACE_XML_ERROR domain (or ENLACE_STORE_ERROR for a read-only store). */
gboolean enlace_xml_import             (EnlaceStore         *store,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        EnlaceProgressFunc   progress,
                                        gpointer             progress_data,
                                        GError             **error);

/* TRUE when @s can be written in XML 1.0 and read back unchanged (UTF-8,
 * no control characters but tab and line breaks, no U+FFFE/U+FFFF): for
 * the areas that write elements of their own (enlace-cases-xml.h). */
gboolean enlace_xml_text_is_safe       (const char          *s);
/* The shortest text that reads back as the same double, as the export
 * writes numbers ("3.5", "1e-07"); @len at least G_ASCII_DTOSTR_BUF_SIZE. */
void     enlace_xml_format_real        (double               value,
                                        char                *buf,
                                        gsize                len);
/* A finite number as the schema reads one (spaces around allowed). */
gboolean enlace_xml_parse_real         (const char          *text,
                                        double              *out);

/* Tests only: lowers (or, with 0, restores) the size limit. */
void     enlace_xml_set_max_size_for_testing (goffset max_size);

G_END_DECLS
