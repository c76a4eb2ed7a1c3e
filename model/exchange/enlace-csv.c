/* enlace-csv.c: RFC 4180 CSV writer and streaming reader
 */
#define G_LOG_DOMAIN "enlace-csv"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "enlace-csv.h"

G_DEFINE_QUARK (enlace-csv-error-quark, enlace_csv_error)

gboolean
enlace_csv_error_is_fatal (const GError *error)
{
  g_return_val_if_fail (error != NULL, TRUE);

  if (error->domain != ENLACE_CSV_ERROR)
    return TRUE;
  return error->code == ENLACE_CSV_ERROR_UNTERMINATED
         || error->code == ENLACE_CSV_ERROR_FAILED;
}

/* ---- Writer ---------------------------------------------------------- */

#define WRITER_FLUSH_AT (64 * 1024)

struct _EnlaceCsvWriter
{
  GOutputStream *out;
  GString *buf;
  GString *row;       /* record being built by add_field */
  guint row_fields;
  gboolean row_invalid;
  char sep;
  gboolean bom_pending;
  guint n_rows;
};

EnlaceCsvWriter *
enlace_csv_writer_new (GOutputStream *out,
                       char           separator,
                       gboolean       bom)
{
  EnlaceCsvWriter *self;

  g_return_val_if_fail (out == NULL || G_IS_OUTPUT_STREAM (out), NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';'
                        || separator == '\t', NULL);

  self = g_new0 (EnlaceCsvWriter, 1);
  self->out = out ? g_object_ref (out) : NULL;
  self->buf = g_string_sized_new (WRITER_FLUSH_AT + 1024);
  self->row = g_string_new (NULL);
  self->sep = separator ? separator : ',';
  self->bom_pending = bom;
  return self;
}

static gboolean
needs_quotes (const char *field,
              char        sep)
{
  for (const char *p = field; *p; p++)
    if (*p == sep || *p == '"' || *p == '\r' || *p == '\n')
      return TRUE;
  return FALSE;
}

static void
append_field (GString    *to,
              const char *field,
              char        sep)
{
  if (!needs_quotes (field, sep))
    {
      g_string_append (to, field);
      return;
    }
  g_string_append_c (to, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (to, '"');
      g_string_append_c (to, *p);
    }
  g_string_append_c (to, '"');
}

char *
enlace_csv_quote_field (const char *field,
                        char        separator)
{
  GString *s;

  g_return_val_if_fail (field != NULL, NULL);

  s = g_string_new (NULL);
  append_field (s, field, separator ? separator : ',');
  return g_string_free (s, FALSE);
}

void
enlace_csv_writer_add_field (EnlaceCsvWriter *self,
                             const char      *field)
{
  g_return_if_fail (self != NULL);

  if (field == NULL)
    field = "";
  if (!g_utf8_validate (field, -1, NULL))
    self->row_invalid = TRUE;
  if (self->row_fields > 0)
    g_string_append_c (self->row, self->sep);
  append_field (self->row, field, self->sep);
  self->row_fields++;
}

static void
reset_row (EnlaceCsvWriter *self)
{
  g_string_truncate (self->row, 0);
  self->row_fields = 0;
  self->row_invalid = FALSE;
}

gboolean
enlace_csv_writer_end_row (EnlaceCsvWriter *self,
                           GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->row_invalid)
    {
      g_set_error (error, ENLACE_CSV_ERROR, ENLACE_CSV_ERROR_ENCODING,
                   _("Record %u: a field is not valid UTF-8 text"),
                   self->n_rows + 1);
      reset_row (self);
      return FALSE;
    }
  if (self->bom_pending)
    {
      g_string_append (self->buf, "\xEF\xBB\xBF");
      self->bom_pending = FALSE;
    }
  /* A record of one empty field would be an empty line, which readers
   * skip: write it as "". */
  if (self->row_fields == 1 && self->row->len == 0)
    g_string_append (self->buf, "\"\"");
  else
    g_string_append_len (self->buf, self->row->str, self->row->len);
  g_string_append (self->buf, "\r\n");
  self->n_rows++;
  reset_row (self);

  if (self->out && self->buf->len >= WRITER_FLUSH_AT)
    return enlace_csv_writer_flush (self, error);
  return TRUE;
}

gboolean
enlace_csv_writer_write_row (EnlaceCsvWriter   *self,
                             const char *const *fields,
                             int                n,
                             GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL || n == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n < 0)
    n = (int) g_strv_length ((char **) fields);
  reset_row (self);
  for (int i = 0; i < n; i++)
    enlace_csv_writer_add_field (self, fields[i]);
  return enlace_csv_writer_end_row (self, error);
}

gboolean
enlace_csv_writer_flush (EnlaceCsvWriter *self,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->out == NULL || self->buf->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (self->out, self->buf->str, self->buf->len,
                                  NULL, NULL, error))
    return FALSE;
  g_string_truncate (self->buf, 0);
  return TRUE;
}

char *
enlace_csv_writer_steal_data (EnlaceCsvWriter *self,
                              gsize           *length)
{
  char *data;

  g_return_val_if_fail (self != NULL, NULL);

  if (length)
    *length = self->buf->len;
  data = g_strndup (self->buf->str, self->buf->len);
  g_string_truncate (self->buf, 0);
  return data;
}

guint
enlace_csv_writer_get_n_rows (EnlaceCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

void
enlace_csv_writer_free (EnlaceCsvWriter *self)
{
  if (self == NULL)
    return;
  enlace_csv_writer_flush (self, NULL);
  g_clear_object (&self->out);
  g_string_free (self->buf, TRUE);
  g_string_free (self->row, TRUE);
  g_free (self);
}

/* ---- Reader ---------------------------------------------------------- */

#define READER_CHUNK (64 * 1024)

struct _EnlaceCsvReader
{
  GInputStream *in;
  guint8 *buf;
  gsize pos, len;
  gboolean eof;
  gboolean started;
  gboolean done;        /* end of file or a fatal error */
  gboolean had_bom;
  char sep;
  guint line;           /* line of the next byte */
  guint row_line;       /* line the last record started on */
  guint64 offset;
  GString *field;
  GPtrArray *fields;
};

EnlaceCsvReader *
enlace_csv_reader_new (GInputStream *in,
                       char          separator,
                       const char   *encoding,
                       GError      **error)
{
  EnlaceCsvReader *self;
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (in), NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';'
                        || separator == '\t', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (encoding != NULL && *encoding != '\0'
      && g_ascii_strcasecmp (encoding, "UTF-8") != 0
      && g_ascii_strcasecmp (encoding, "UTF8") != 0)
    {
      g_autoptr(GCharsetConverter) conv = NULL;

      conv = g_charset_converter_new ("UTF-8", encoding, error);
      if (conv == NULL)
        {
          g_prefix_error (error, _("Unknown encoding “%s”: "), encoding);
          return NULL;
        }
      g_charset_converter_set_use_fallback (conv, TRUE);
      stream = g_converter_input_stream_new (in, G_CONVERTER (conv));
    }
  else
    stream = g_object_ref (in);

  self = g_new0 (EnlaceCsvReader, 1);
  self->in = g_steal_pointer (&stream);
  self->buf = g_malloc (READER_CHUNK);
  self->sep = separator;
  self->line = 1;
  self->field = g_string_new (NULL);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  return self;
}

EnlaceCsvReader *
enlace_csv_reader_new_for_data (const char *data,
                                gssize      length,
                                char        separator)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  bytes = g_bytes_new (data, (gsize) length);
  in = g_memory_input_stream_new_from_bytes (bytes);
  return enlace_csv_reader_new (in, separator, NULL, NULL);
}

void
enlace_csv_reader_free (EnlaceCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->in);
  g_free (self->buf);
  g_string_free (self->field, TRUE);
  g_ptr_array_unref (self->fields);
  g_free (self);
}

guint
enlace_csv_reader_get_line (EnlaceCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->row_line;
}

char
enlace_csv_reader_get_separator (EnlaceCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->started ? self->sep : 0;
}

gboolean
enlace_csv_reader_had_bom (EnlaceCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->had_bom;
}

guint64
enlace_csv_reader_get_offset (EnlaceCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->offset;
}

/* Refills the buffer, keeping the unread bytes.  FALSE on I/O error. */
static gboolean
fill (EnlaceCsvReader *self,
      GError         **error)
{
  gsize got = 0;

  if (self->eof)
    return TRUE;
  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, self->len - self->pos);
      self->len -= self->pos;
      self->pos = 0;
    }
  if (!g_input_stream_read_all (self->in, self->buf + self->len,
                                READER_CHUNK - self->len, &got, NULL, error))
    return FALSE;
  if (self->len + got < READER_CHUNK)
    self->eof = TRUE;
  self->len += got;
  return TRUE;
}

/* The next byte, -1 at the end, -2 on error. */
static inline int
next_byte (EnlaceCsvReader *self,
           GError         **error)
{
  if (self->pos == self->len)
    {
      if (self->eof)
        return -1;
      if (!fill (self, error))
        return -2;
      if (self->pos == self->len)
        return -1;
    }
  self->offset++;
  return self->buf[self->pos++];
}

static inline int
peek_byte (EnlaceCsvReader *self,
           GError         **error)
{
  if (self->pos == self->len)
    {
      if (self->eof)
        return -1;
      if (!fill (self, error))
        return -2;
      if (self->pos == self->len)
        return -1;
    }
  return self->buf[self->pos];
}

/* The separator of the first record: the most frequent of ',', ';' and
 * TAB outside quotes (',' when none, or on a tie with it). */
static char
detect_separator (EnlaceCsvReader *self)
{
  guint commas = 0, semis = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = self->pos; i < self->len; i++)
    {
      guint8 c = self->buf[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        {
          if (commas + semis + tabs > 0)
            break;
        }
      else if (c == ',')
        commas++;
      else if (c == ';')
        semis++;
      else if (c == '\t')
        tabs++;
    }
  if (semis > commas && semis >= tabs)
    return ';';
  if (tabs > commas && tabs > semis)
    return '\t';
  return ',';
}

static gboolean
start (EnlaceCsvReader *self,
       GError         **error)
{
  self->started = TRUE;
  while (!self->eof && self->len < 3)
    if (!fill (self, error))
      return FALSE;
  if (self->len >= 3 && memcmp (self->buf, "\xEF\xBB\xBF", 3) == 0)
    {
      self->had_bom = TRUE;
      self->pos = 3;
      self->offset = 3;
    }
  if (self->sep == 0)
    self->sep = detect_separator (self);
  return TRUE;
}

typedef enum { AT_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } State;

static char *
line_error_prefix (guint line)
{
  return g_strdup_printf (_("Line %u: "), line);
}

char **
enlace_csv_reader_next (EnlaceCsvReader *self,
                        GError         **error)
{
  State state = AT_START;
  int problem = -1;
  gboolean any = FALSE;        /* bytes seen in this record */
  char sep;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->done)
    return NULL;
  if (!self->started && !start (self, error))
    {
      self->done = TRUE;
      return NULL;
    }
  sep = self->sep;
  g_string_truncate (self->field, 0);
  g_ptr_array_set_size (self->fields, 0);
  self->row_line = self->line;

  for (;;)
    {
      GError *io_error = NULL;
      int c = next_byte (self, &io_error);
      gboolean end_field = FALSE, end_record = FALSE;

      if (c == -2)
        {
          g_autofree char *prefix = line_error_prefix (self->line);

          g_set_error (error, ENLACE_CSV_ERROR, ENLACE_CSV_ERROR_FAILED,
                       "%s%s", prefix, io_error->message);
          g_error_free (io_error);
          self->done = TRUE;
          return NULL;
        }
      if (c == -1)
        {
          if (state == QUOTED)
            {
              g_autofree char *prefix = line_error_prefix (self->row_line);

              g_set_error (error, ENLACE_CSV_ERROR, ENLACE_CSV_ERROR_UNTERMINATED,
                           _("%sa quoted field is not closed before the end of the file"),
                           prefix);
              self->done = TRUE;
              return NULL;
            }
          self->done = TRUE;
          if (!any)
            return NULL;
          end_record = TRUE;
        }
      else
        {
          any = TRUE;
          switch (state)
            {
            case AT_START:
            case UNQUOTED:
            case QUOTE_IN_QUOTED:
              if (c == sep)
                {
                  end_field = TRUE;
                  break;
                }
              if (c == '\r' || c == '\n')
                {
                  if (c == '\r')
                    {
                      int n = peek_byte (self, NULL);

                      if (n == '\n')
                        next_byte (self, NULL);
                    }
                  self->line++;
                  end_record = TRUE;
                  break;
                }
              if (state == AT_START && c == '"')
                {
                  state = QUOTED;
                  break;
                }
              if (state == QUOTE_IN_QUOTED && c == '"')
                {
                  g_string_append_c (self->field, '"');
                  state = QUOTED;
                  break;
                }
              if (c == '"' || state == QUOTE_IN_QUOTED)
                {
                  if (problem < 0)
                    problem = ENLACE_CSV_ERROR_QUOTE;
                }
              if (self->field->len < ENLACE_CSV_MAX_FIELD_BYTES)
                g_string_append_c (self->field, (char) c);
              else if (problem < 0)
                problem = ENLACE_CSV_ERROR_TOO_LONG;
              state = UNQUOTED;
              break;

            case QUOTED:
              if (c == '"')
                {
                  state = QUOTE_IN_QUOTED;
                  break;
                }
              if (c == '\n')
                self->line++;
              if (self->field->len < ENLACE_CSV_MAX_FIELD_BYTES)
                g_string_append_c (self->field, (char) c);
              else if (problem < 0)
                problem = ENLACE_CSV_ERROR_TOO_LONG;
              break;
            }
        }

      if (end_record && state == AT_START && self->fields->len == 0)
        {
          /* An empty line: skip it. */
          if (self->done)
            return NULL;
          any = FALSE;
          self->row_line = self->line;
          continue;
        }
      if (end_field || end_record)
        {
          if (self->fields->len < ENLACE_CSV_MAX_FIELDS)
            g_ptr_array_add (self->fields,
                             g_strndup (self->field->str, self->field->len));
          else if (problem < 0)
            problem = ENLACE_CSV_ERROR_TOO_LONG;
          g_string_truncate (self->field, 0);
          state = AT_START;
        }
      if (end_record)
        break;
    }

  if (problem < 0)
    for (guint i = 0; i < self->fields->len; i++)
      if (!g_utf8_validate (self->fields->pdata[i], -1, NULL))
        {
          problem = ENLACE_CSV_ERROR_ENCODING;
          break;
        }

  if (problem >= 0)
    {
      g_autofree char *prefix = line_error_prefix (self->row_line);
      const char *what;

      switch (problem)
        {
        case ENLACE_CSV_ERROR_QUOTE:
          what = _("a quote inside a field that is not quoted, or text after a closing quote");
          break;
        case ENLACE_CSV_ERROR_TOO_LONG:
          what = _("a field or a record is too long");
          break;
        default:
          what = _("the text is not valid UTF-8 (save the file as “CSV UTF-8”, or give its encoding)");
          break;
        }
      g_set_error (error, ENLACE_CSV_ERROR, problem, "%s%s", prefix, what);
      return NULL;
    }

  g_ptr_array_add (self->fields, NULL);
  {
    char **row = (char **) g_ptr_array_steal (self->fields, NULL);

    self->fields = g_ptr_array_new_with_free_func (g_free);
    return row;
  }
}
