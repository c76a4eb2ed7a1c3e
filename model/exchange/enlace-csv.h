/* enlace-csv.h: RFC 4180 CSV, written and read as a stream
 *
 * The writer produces what spreadsheets open without asking: UTF-8, an
 * optional byte order mark (Excel needs it to see UTF-8), ',' or ';' as
 * separator (Spanish-locale spreadsheets use ';' because ',' is their
 * decimal mark), CRLF at the end of every record, and a field quoted
 * (with '"' doubled) exactly when it holds the separator, a quote, a CR
 * or a LF.
 *
 * The reader takes any of that back, one record at a time, so that a
 * file of any length is read in bounded memory: quoted fields may hold
 * separators, quotes and newlines; records may end in CRLF, LF or CR; a
 * BOM is skipped; the separator (',', ';' or TAB) is found from the
 * first record unless given; empty lines are skipped.  Each record knows
 * the line it started on, for error messages ("line 12: …").
 *
 * A broken record (a stray quote, text that is not UTF-8 in the chosen
 * encoding, a field or a record over the limits) is reported as an error
 * for that record only: the reader has skipped it and the next call
 * goes on with the following record.  Only an I/O error or a quote left
 * open at the end of the file ends the reading.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ENLACE_CSV_ERROR (enlace_csv_error_quark ())

typedef enum
{
  ENLACE_CSV_ERROR_ENCODING,   /* a record that is not valid text in the encoding */
  ENLACE_CSV_ERROR_QUOTE,      /* a quote inside an unquoted field, or text after a closing quote */
  ENLACE_CSV_ERROR_UNTERMINATED, /* a quoted field still open at the end of the file (fatal) */
  ENLACE_CSV_ERROR_TOO_LONG,   /* a field or a record over the limits below */
  ENLACE_CSV_ERROR_FAILED,     /* I/O error (fatal) */
} EnlaceCsvError;

/* Limits of the reader: a longer field or a record with more fields is
 * refused (and skipped), so that a broken file cannot take all memory. */
#define ENLACE_CSV_MAX_FIELD_BYTES  (1024 * 1024)
#define ENLACE_CSV_MAX_FIELDS       1024

GQuark enlace_csv_error_quark (void);

/* Whether an error from enlace_csv_reader_next ends the reading. */
gboolean enlace_csv_error_is_fatal (const GError *error);

/* ---- Writer ---------------------------------------------------------- */

typedef struct _EnlaceCsvWriter EnlaceCsvWriter;

/* A writer into OUT (kept referenced), or, when OUT is NULL, into memory
 * (enlace_csv_writer_steal_data).  SEPARATOR is ',' or ';' (0 means
 * ','); BOM writes the UTF-8 byte order mark first. */
EnlaceCsvWriter *enlace_csv_writer_new        (GOutputStream   *out,
                                               char             separator,
                                               gboolean         bom);
/* One record of N fields (N < 0: FIELDS is NULL-terminated).  A NULL
 * field is written as an empty one.  Fails, writing nothing, when a
 * field is not valid UTF-8. */
gboolean         enlace_csv_writer_write_row  (EnlaceCsvWriter *self,
                                               const char *const *fields,
                                               int              n,
                                               GError         **error);
/* Field by field: add_field … end_row makes one record. */
void             enlace_csv_writer_add_field  (EnlaceCsvWriter *self,
                                               const char      *field);
gboolean         enlace_csv_writer_end_row    (EnlaceCsvWriter *self,
                                               GError         **error);
/* Writes what is buffered to the stream (a no-op in memory). */
gboolean         enlace_csv_writer_flush      (EnlaceCsvWriter *self,
                                               GError         **error);
/* In-memory writer: everything written so far, NUL-terminated; the
 * writer starts again empty (without a second BOM). */
char            *enlace_csv_writer_steal_data (EnlaceCsvWriter *self,
                                               gsize           *length);
/* Records written so far (without counting the header specially). */
guint            enlace_csv_writer_get_n_rows (EnlaceCsvWriter *self);
/* Frees the writer; what is still buffered is flushed (errors ignored:
 * call enlace_csv_writer_flush first to see them). */
void             enlace_csv_writer_free       (EnlaceCsvWriter *self);

/* One field as the writer would write it (quoted when needed). */
char            *enlace_csv_quote_field       (const char      *field,
                                               char             separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceCsvWriter, enlace_csv_writer_free)

/* ---- Reader ---------------------------------------------------------- */

typedef struct _EnlaceCsvReader EnlaceCsvReader;

/* A reader of IN (kept referenced).  SEPARATOR: ',', ';' or '\t', or 0
 * to find it from the first record.  ENCODING: the file's character set
 * ("WINDOWS-1252", "ISO-8859-1", …) or NULL for UTF-8.  Fails only for
 * an unknown encoding. */
EnlaceCsvReader *enlace_csv_reader_new        (GInputStream    *in,
                                               char             separator,
                                               const char      *encoding,
                                               GError         **error);
/* A reader of DATA (copied). */
EnlaceCsvReader *enlace_csv_reader_new_for_data (const char    *data,
                                                 gssize         length,
                                                 char           separator);
/* The next record as a NULL-terminated array of UTF-8 strings (free with
 * g_strfreev), or NULL: at the end of the file with ERROR unset, or with
 * ERROR set for a broken record (skipped: call again to go on, unless
 * enlace_csv_error_is_fatal).  Error messages start with the line. */
char           **enlace_csv_reader_next       (EnlaceCsvReader *self,
                                               GError         **error);
/* The line (from 1) on which the last record returned (or refused)
 * started. */
guint            enlace_csv_reader_get_line   (EnlaceCsvReader *self);
/* The separator in use (found from the first record when asked); 0
 * before the first call to next. */
char             enlace_csv_reader_get_separator (EnlaceCsvReader *self);
/* Whether the file started with a UTF-8 byte order mark. */
gboolean         enlace_csv_reader_had_bom    (EnlaceCsvReader *self);
/* Bytes of the (converted) input read so far, for progress. */
guint64          enlace_csv_reader_get_offset (EnlaceCsvReader *self);
void             enlace_csv_reader_free       (EnlaceCsvReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceCsvReader, enlace_csv_reader_free)

G_END_DECLS
