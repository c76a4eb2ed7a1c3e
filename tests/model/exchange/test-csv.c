/* test-csv.c: the RFC 4180 writer and the streaming reader */
#include "config.h"

#include <string.h>

#include "enlace-csv.h"

static char *
write_rows (const char *const *const *rows,
            char                      sep,
            gboolean                  bom)
{
  g_autoptr(EnlaceCsvWriter) w = enlace_csv_writer_new (NULL, sep, bom);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; rows[i]; i++)
    {
      g_assert_true (enlace_csv_writer_write_row (w, rows[i], -1, &error));
      g_assert_no_error (error);
    }
  return enlace_csv_writer_steal_data (w, NULL);
}

static void
test_write_quoting (void)
{
  const char *r1[] = { "Etiqueta", "Nota", NULL };
  const char *r2[] = { "A-01", "dice \"hola\", adiós", NULL };
  const char *r3[] = { "B;02", "dos\nlíneas", NULL };
  const char *r4[] = { "", "", NULL };
  const char *const *rows[] = { r1, r2, r3, r4, NULL };
  g_autofree char *comma = write_rows (rows, ',', FALSE);
  g_autofree char *semi = write_rows (rows, ';', TRUE);

  g_assert_cmpstr (comma, ==,
                   "Etiqueta,Nota\r\n"
                   "A-01,\"dice \"\"hola\"\", adiós\"\r\n"
                   "B;02,\"dos\nlíneas\"\r\n"
                   ",\r\n");
  g_assert_cmpstr (semi, ==,
                   "\xEF\xBB\xBF" "Etiqueta;Nota\r\n"
                   "A-01;\"dice \"\"hola\"\", adiós\"\r\n"
                   "\"B;02\";\"dos\nlíneas\"\r\n"
                   ";\r\n");
}

static void
test_write_single_empty (void)
{
  g_autoptr(EnlaceCsvWriter) w = enlace_csv_writer_new (NULL, ',', FALSE);
  g_autoptr(EnlaceCsvReader) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) row = NULL;

  enlace_csv_writer_add_field (w, "x");
  g_assert_true (enlace_csv_writer_end_row (w, &error));
  enlace_csv_writer_add_field (w, NULL);
  g_assert_true (enlace_csv_writer_end_row (w, &error));
  g_assert_cmpuint (enlace_csv_writer_get_n_rows (w), ==, 2);
  data = enlace_csv_writer_steal_data (w, NULL);
  g_assert_cmpstr (data, ==, "x\r\n\"\"\r\n");

  r = enlace_csv_reader_new_for_data (data, -1, 0);
  g_strfreev (enlace_csv_reader_next (r, &error));
  row = enlace_csv_reader_next (r, &error);
  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_cmpuint (g_strv_length (row), ==, 1);
  g_assert_cmpstr (row[0], ==, "");
}

static void
test_write_invalid_utf8 (void)
{
  g_autoptr(EnlaceCsvWriter) w = enlace_csv_writer_new (NULL, ',', FALSE);
  g_autoptr(GError) error = NULL;
  const char *bad[] = { "ok", "\xff\xfe", NULL };
  const char *good[] = { "ok", NULL };
  g_autofree char *data = NULL;

  g_assert_false (enlace_csv_writer_write_row (w, bad, -1, &error));
  g_assert_error (error, ENLACE_CSV_ERROR, ENLACE_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  g_assert_true (enlace_csv_writer_write_row (w, good, -1, &error));
  data = enlace_csv_writer_steal_data (w, NULL);
  g_assert_cmpstr (data, ==, "ok\r\n");
}

static void
test_write_stream (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char *row[] = { "a", "b", NULL };

  {
    g_autoptr(EnlaceCsvWriter) w = enlace_csv_writer_new (out, ';', TRUE);

    /* More than the buffer, so that it is flushed on the way. */
    for (guint i = 0; i < 30000; i++)
      g_assert_true (enlace_csv_writer_write_row (w, row, 2, &error));
    g_assert_true (enlace_csv_writer_flush (w, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                    ==, 3 + 30000 * 5);
}

/* Reads every record; errors are written as "!CODE@LINE". */
static char *
read_all (const char *data,
          gssize      len,
          char        sep)
{
  g_autoptr(EnlaceCsvReader) r = enlace_csv_reader_new_for_data (data, len, sep);
  GString *s = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) row = enlace_csv_reader_next (r, &error);

      if (row == NULL && error == NULL)
        break;
      if (row == NULL)
        {
          g_assert_true (g_str_has_prefix (error->message, "Line "));
          g_string_append_printf (s, "!%d@%u|", error->code,
                                  enlace_csv_reader_get_line (r));
          if (enlace_csv_error_is_fatal (error))
            break;
          continue;
        }
      g_string_append_printf (s, "%u:", enlace_csv_reader_get_line (r));
      for (guint i = 0; row[i]; i++)
        g_string_append_printf (s, "%s[%s]", i ? "," : "", row[i]);
      g_string_append_c (s, '|');
    }
  return g_string_free (s, FALSE);
}

static void
test_read_basic (void)
{
  g_autofree char *a = read_all ("a,b,c\r\n1,2,3\r\n", -1, 0);
  g_autofree char *b = read_all ("a,b\n1,2", -1, 0);          /* LF, no final newline */
  g_autofree char *c = read_all ("a,b\r1,2\r", -1, 0);        /* old Mac CR */
  g_autofree char *d = read_all ("a,,\n,,\n", -1, 0);          /* empty fields */
  g_autofree char *e = read_all ("", 0, 0);
  g_autofree char *f = read_all ("\n\r\n\n", -1, 0);          /* only empty lines */

  g_assert_cmpstr (a, ==, "1:[a],[b],[c]|2:[1],[2],[3]|");
  g_assert_cmpstr (b, ==, "1:[a],[b]|2:[1],[2]|");
  g_assert_cmpstr (c, ==, "1:[a],[b]|2:[1],[2]|");
  g_assert_cmpstr (d, ==, "1:[a],[],[]|2:[],[],[]|");
  g_assert_cmpstr (e, ==, "");
  g_assert_cmpstr (f, ==, "");
}

static void
test_read_quoted (void)
{
  g_autofree char *a = read_all ("\"x, y\",\"say \"\"hi\"\"\"\r\n"
                                 "\"two\r\nlines\",z\r\n"
                                 "last,\"\"\r\n", -1, 0);
  g_autofree char *b = read_all ("k,v\n\n\nnext,1\n", -1, 0); /* empty lines skipped, lines counted */

  g_assert_cmpstr (a, ==, "1:[x, y],[say \"hi\"]|2:[two\r\nlines],[z]|4:[last],[]|");
  g_assert_cmpstr (b, ==, "1:[k],[v]|4:[next],[1]|");
}

static void
test_read_bom_and_separator (void)
{
  g_autoptr(EnlaceCsvReader) r = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) row = NULL;
  g_autofree char *semi = read_all ("\xEF\xBB\xBF" "Etiqueta;Nota\r\nA,1;\"x;y\"\r\n", -1, 0);
  g_autofree char *tab = read_all ("a\tb\tc\n1\t2,5\t3\n", -1, 0);
  g_autofree char *forced = read_all ("a;b,c\n", -1, ',');
  g_autofree char *quoted_hdr = read_all ("\"a;b\",c\n", -1, 0);

  g_assert_cmpstr (semi, ==, "1:[Etiqueta],[Nota]|2:[A,1],[x;y]|");
  g_assert_cmpstr (tab, ==, "1:[a],[b],[c]|2:[1],[2,5],[3]|");
  g_assert_cmpstr (forced, ==, "1:[a;b],[c]|");
  g_assert_cmpstr (quoted_hdr, ==, "1:[a;b],[c]|");

  r = enlace_csv_reader_new_for_data ("\xEF\xBB\xBF" "x;y\n", -1, 0);
  g_assert_cmpint (enlace_csv_reader_get_separator (r), ==, 0);
  row = enlace_csv_reader_next (r, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row[0], ==, "x");
  g_assert_cmpint (enlace_csv_reader_get_separator (r), ==, ';');
  g_assert_true (enlace_csv_reader_had_bom (r));
  g_assert_cmpuint (enlace_csv_reader_get_offset (r), ==, 7);
}

static void
test_read_errors (void)
{
  /* A stray quote and bad UTF-8 refuse their record only. */
  g_autofree char *a = read_all ("a,b\nx\"y,2\nok,3\n\"q\"z,4\n\xff,5\nend,6\n", -1, 0);
  /* An unterminated quote ends the reading, naming where it began. */
  g_autofree char *b = read_all ("a,b\n1,2\n\"open,3\n4,5\n", -1, 0);
  g_autoptr(EnlaceCsvReader) r = enlace_csv_reader_new_for_data ("a\n\"x", -1, 0);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) first = enlace_csv_reader_next (r, &error);
  char **none;

  g_assert_cmpstr (a, ==, "1:[a],[b]|!1@2|3:[ok],[3]|!1@4|!0@5|6:[end],[6]|");
  g_assert_cmpstr (b, ==, "1:[a],[b]|2:[1],[2]|!2@3|");

  g_assert_nonnull (first);
  none = enlace_csv_reader_next (r, &error);
  g_assert_null (none);
  g_assert_error (error, ENLACE_CSV_ERROR, ENLACE_CSV_ERROR_UNTERMINATED);
  g_assert_true (enlace_csv_error_is_fatal (error));
  g_clear_error (&error);
  /* After a fatal error: the end. */
  none = enlace_csv_reader_next (r, &error);
  g_assert_null (none);
  g_assert_no_error (error);
}

static void
test_read_limits (void)
{
  GString *s = g_string_new ("a,b\n");
  g_autofree char *out = NULL;

  /* A field over the limit, then a record with too many fields. */
  for (guint i = 0; i < ENLACE_CSV_MAX_FIELD_BYTES + 10; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, ",1\n");
  for (guint i = 0; i < ENLACE_CSV_MAX_FIELDS + 5; i++)
    g_string_append (s, "f,");
  g_string_append (s, "f\nfin,2\n");
  out = read_all (s->str, (gssize) s->len, 0);
  g_assert_cmpstr (out, ==, "1:[a],[b]|!3@2|!3@3|4:[fin],[2]|");
  g_string_free (s, TRUE);
}

static void
test_read_encoding (void)
{
  /* "Año;Señal" in Windows-1252. */
  static const char latin[] = "A\xf1" "o;Se\xf1" "al\r\n1;\x80\r\n";
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (latin, sizeof latin - 1, NULL);
  g_autoptr(GInputStream) in2 = g_memory_input_stream_new_from_data (latin, sizeof latin - 1, NULL);
  g_autoptr(EnlaceCsvReader) r = NULL;
  g_autoptr(EnlaceCsvReader) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) head = NULL;
  g_auto(GStrv) row = NULL;

  r = enlace_csv_reader_new (in, 0, "WINDOWS-1252", &error);
  g_assert_no_error (error);
  head = enlace_csv_reader_next (r, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (head[0], ==, "Año");
  g_assert_cmpstr (head[1], ==, "Señal");
  row = enlace_csv_reader_next (r, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row[1], ==, "€");

  bad = enlace_csv_reader_new (in2, 0, "NO-SUCH-CHARSET-42", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
}

/* Anything written is read back the same, whatever the separator. */
static void
test_round_trip (void)
{
  const char *values[] = { "", "plain", "a,b", "a;b", "tab\there", "q\"uote",
                           "\"", "line\nbreak", "cr\rlf\r\n", " spaces ",
                           "ñandú €", "=1+2", NULL };
  const char seps[] = { ',', ';' };

  for (guint s = 0; s < G_N_ELEMENTS (seps); s++)
    for (int bom = 0; bom < 2; bom++)
      {
        g_autoptr(EnlaceCsvWriter) w = enlace_csv_writer_new (NULL, seps[s], bom);
        g_autoptr(EnlaceCsvReader) r = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *data = NULL;
        guint n = g_strv_length ((char **) values);

        /* Each value alone, and all the values in one record. */
        for (guint i = 0; i < n; i++)
          {
            const char *row[] = { values[i], "end" };

            g_assert_true (enlace_csv_writer_write_row (w, row, 2, &error));
          }
        g_assert_true (enlace_csv_writer_write_row (w, values, -1, &error));
        data = enlace_csv_writer_steal_data (w, NULL);

        r = enlace_csv_reader_new_for_data (data, -1, 0);
        for (guint i = 0; i < n; i++)
          {
            g_auto(GStrv) row = enlace_csv_reader_next (r, &error);

            g_assert_no_error (error);
            g_assert_nonnull (row);
            g_assert_cmpuint (g_strv_length (row), ==, 2);
            g_assert_cmpstr (row[0], ==, values[i]);
            g_assert_cmpstr (row[1], ==, "end");
          }
        {
          g_auto(GStrv) all = enlace_csv_reader_next (r, &error);
          g_auto(GStrv) end = NULL;

          g_assert_no_error (error);
          g_assert_cmpstrv (all, values);
          g_assert_cmpint (enlace_csv_reader_get_separator (r), ==, seps[s]);
          g_assert_cmpint (enlace_csv_reader_had_bom (r), ==, bom);
          end = enlace_csv_reader_next (r, &error);
          g_assert_null (end);
          g_assert_no_error (error);
        }
      }
}

/* A record that crosses the reader's 64 KiB buffer. */
static void
test_read_across_chunks (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(EnlaceCsvReader) r = NULL;
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (s, "%u,\"multi\nline %u\",x\r\n", i, i);
  r = enlace_csv_reader_new_for_data (s->str, (gssize) s->len, 0);
  for (;;)
    {
      g_auto(GStrv) row = enlace_csv_reader_next (r, &error);
      g_autofree char *want = NULL;

      g_assert_no_error (error);
      if (row == NULL)
        break;
      want = g_strdup_printf ("multi\nline %u", rows);
      g_assert_cmpstr (row[1], ==, want);
      g_assert_cmpuint (enlace_csv_reader_get_line (r), ==, 2 * rows + 1);
      rows++;
    }
  g_assert_cmpuint (rows, ==, 20000);
  g_assert_cmpuint (enlace_csv_reader_get_offset (r), ==, s->len);
  g_string_free (s, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/exchange/csv/write-quoting", test_write_quoting);
  g_test_add_func ("/model/exchange/csv/write-single-empty", test_write_single_empty);
  g_test_add_func ("/model/exchange/csv/write-invalid-utf8", test_write_invalid_utf8);
  g_test_add_func ("/model/exchange/csv/write-stream", test_write_stream);
  g_test_add_func ("/model/exchange/csv/read-basic", test_read_basic);
  g_test_add_func ("/model/exchange/csv/read-quoted", test_read_quoted);
  g_test_add_func ("/model/exchange/csv/read-bom-separator", test_read_bom_and_separator);
  g_test_add_func ("/model/exchange/csv/read-errors", test_read_errors);
  g_test_add_func ("/model/exchange/csv/read-limits", test_read_limits);
  g_test_add_func ("/model/exchange/csv/read-encoding", test_read_encoding);
  g_test_add_func ("/model/exchange/csv/read-across-chunks", test_read_across_chunks);
  g_test_add_func ("/model/exchange/csv/round-trip", test_round_trip);
  return g_test_run ();
}
