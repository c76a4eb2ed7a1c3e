/* test-cli-case-doc.c: enlace-cli case doc, run as a program; the PDFs
 * are read back with pdftotext (poppler-utils).
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "enlace-test-cli.h"

static char *tmp_dir;

static void
run_argv (EnlaceCliRun *r,
          const char  *program,
          GPtrArray   *argv)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_insert (argv, 0, (char *) program);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (tmp_dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_test_message ("%s: exit %d\nstdout: %s\nstderr: %s", program, r->status, r->out, r->err);
}

/* The PDF's text, words separated by single spaces. */
static char *
pdf_words (const char *pdf)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(EnlaceCliRun) r = { 0 };
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  g_ptr_array_add (argv, (char *) pdf);
  g_ptr_array_add (argv, (char *) "-");
  run_argv (&r, "pdftotext", argv);
  g_assert_cmpint (r.status, ==, 0);
  parts = g_strsplit_set (r.out, " \n\t\f", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      {
        if (s->len)
          g_string_append_c (s, ' ');
        g_string_append (s, parts[i]);
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
assert_words (const char *text,
              const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("“%s” not in the PDF's text: %s", words, text);
}

/* A project with a person and a case of each of the three procedures. */
static char *
make_project (void)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("docs-%u.enlace", ++n);
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_auto(EnlaceCliRun) r1 = { 0 };
  g_auto(EnlaceCliRun) r2 = { 0 };
  g_auto(EnlaceCliRun) r3 = { 0 };
  g_auto(EnlaceCliRun) r5 = { 0 };
  g_auto(EnlaceCliRun) r6 = { 0 };
  g_auto(EnlaceCliRun) r7 = { 0 };
  g_auto(EnlaceCliRun) r8 = { 0 };
  g_auto(EnlaceCliRun) r9 = { 0 };

  enlace_test_cli_run (&r1, tmp_dir, "new", path, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  enlace_test_cli_run (&r2, tmp_dir, "add", path, "area", "code=RHU", "name=Recursos Humanos", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  enlace_test_cli_run (&r3, tmp_dir, "add", path, "person", "name=C. Leticia Campos Orozco", "position=Auxiliar administrativa",
           "area=RHU", "email=leticia.campos@utv.edu.mx", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  enlace_test_cli_run (&r5, tmp_dir, "case", "new", path, "correo-alta", "--requester", "C. Leticia Campos Orozco",
           "--channel", "paper", "--opened-at", "2026-03-02T09:15:00Z",
           "requested_address=leticia.campos@utv.edu.mx", "purpose=Trámites de nómina", NULL);
  g_assert_cmpint (r5.status, ==, 0);
  enlace_test_cli_run (&r6, tmp_dir, "case", "step", path, "CORREO-2026-0001", "admin:4", "done", "address=leticia.campos@utv.edu.mx", NULL);
  g_assert_cmpint (r6.status, ==, 0);
  enlace_test_cli_run (&r7, tmp_dir, "case", "new", path, "correo-baja", "--requester", "C. Leticia Campos Orozco",
           "--opened-at", "2026-10-01T10:00:00Z", NULL);
  g_assert_cmpint (r7.status, ==, 0);
  enlace_test_cli_run (&r8, tmp_dir, "case", "step", path, "BAJA-2026-0001", "admin:1", "done",
           "address=leticia.campos@utv.edu.mx", "motive=Baja del usuario en la institución", NULL);
  g_assert_cmpint (r8.status, ==, 0);
  enlace_test_cli_run (&r9, tmp_dir, "case", "new", path, "internet-alta", "--requester", "C. Leticia Campos Orozco",
           "--opened-at", "2026-04-20T12:00:00Z", "count=2", "purpose=Equipos de nómina", NULL);
  g_assert_cmpint (r9.status, ==, 0);
  return path;
}

static void
test_form_default (void)
{
  g_autofree char *project = make_project ();
  g_autofree char *pdf = g_build_filename (tmp_dir, "formato.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  g_auto(EnlaceCliRun) show = { 0 };

  /* without --kind: the main document, the request form */
  enlace_test_cli_run (&r, tmp_dir, "case", "doc", project, "CORREO-2026-0001", "--date", "2026-03-02", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "formato.pdf"));
  text = pdf_words (pdf);
  assert_words (text, "Folio CORREO-2026-0001");
  assert_words (text, "March 2, 2026");
  assert_words (text, "Request form");
  assert_words (text, "Creación de cuenta de correo electrónico");
  assert_words (text, "Requester C. Leticia Campos Orozco");
  assert_words (text, "Cuenta solicitada leticia.campos@utv.edu.mx");
  assert_words (text, "Uso de la cuenta Trámites de nómina");
  assert_words (text, "Channel Paper form");
  /* the signature lines: the requester's name and role */
  assert_words (text, "C. Leticia Campos Orozco Requester");
  assert_words (text, "Received by (department)");

  /* generating is on the timeline */
  enlace_test_cli_run (&show, tmp_dir, "case", "show", project, "CORREO-2026-0001", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Request form generated (formato.pdf)"));
}

static void
test_kinds (void)
{
  g_autofree char *project = make_project ();
  g_autofree char *notice = g_build_filename (tmp_dir, "aviso.pdf", NULL);
  g_autofree char *memo = g_build_filename (tmp_dir, "memo.pdf", NULL);
  g_autofree char *answer = g_build_filename (tmp_dir, "respuesta.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(EnlaceCliRun) r1 = { 0 };
  g_auto(EnlaceCliRun) r2 = { 0 };
  g_auto(EnlaceCliRun) r3 = { 0 };
  g_auto(EnlaceCliRun) r4 = { 0 };
  g_auto(EnlaceCliRun) r5 = { 0 };
  g_auto(EnlaceCliRun) r6 = { 0 };
  JsonObject *o;

  /* the removal notice to the area and the user, A4 */
  enlace_test_cli_run (&r1, tmp_dir, "case", "doc", project, "BAJA-2026-0001", "--kind", "notice", "--paper", "a4",
           "-o", notice, "--json", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r1.out, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "notice");
  g_assert_cmpstr (json_object_get_string_member (o, "paper"), ==, "A4");
  g_assert_cmpint (json_object_get_int_member (o, "pages"), ==, 1);
  text = pdf_words (notice);
  assert_words (text, "Folio BAJA-2026-0001");
  assert_words (text, "Notice");
  assert_words (text, "the e-mail account leticia.campos@utv.edu.mx will be removed");
  assert_words (text, "Motive of the removal: Baja del usuario en la institución.");
  assert_words (text, "Received (area)");
  assert_words (text, "Received (user)");
  g_clear_pointer (&text, g_free);

  /* the new connection's memo */
  enlace_test_cli_run (&r2, tmp_dir, "case", "doc", project, "CONEX-2026-0001", "--kind", "memo", "-o", memo, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  text = pdf_words (memo);
  assert_words (text, "Memorandum");
  assert_words (text, "Folio CONEX-2026-0001");
  assert_words (text, "Número de conexiones 2");
  assert_words (text, "Uso Equipos de nómina");
  g_clear_pointer (&text, g_free);

  /* the answer names the account created */
  enlace_test_cli_run (&r3, tmp_dir, "case", "doc", project, "CORREO-2026-0001", "--kind", "answer", "-o", answer, NULL);
  g_assert_cmpint (r3.status, ==, 0);
  text = pdf_words (answer);
  assert_words (text, "Your e-mail account is leticia.campos@utv.edu.mx.");

  /* refusals: no memo in an account removal; an unknown kind; no case */
  enlace_test_cli_run (&r4, tmp_dir, "case", "doc", project, "BAJA-2026-0001", "--kind", "memo", "-o", memo, NULL);
  g_assert_cmpint (r4.status, ==, 1);
  g_assert_nonnull (strstr (r4.err, "BAJA-2026-0001"));
  enlace_test_cli_run (&r5, tmp_dir, "case", "doc", project, "BAJA-2026-0001", "--kind", "letter", NULL);
  g_assert_cmpint (r5.status, ==, 2);
  enlace_test_cli_run (&r6, tmp_dir, "case", "doc", project, "BAJA-2026-0999", NULL);
  g_assert_cmpint (r6.status, ==, 1);
}

static void
test_text_and_mailto (void)
{
  g_autofree char *project = make_project ();
  g_auto(EnlaceCliRun) r1 = { 0 };
  g_auto(EnlaceCliRun) r2 = { 0 };

  enlace_test_cli_run (&r1, tmp_dir, "case", "doc", project, "BAJA-2026-0001", "--kind", "notice", "--text", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_nonnull (strstr (r1.out, "Folio: BAJA-2026-0001"));
  enlace_test_cli_run (&r2, tmp_dir, "case", "doc", project, "BAJA-2026-0001", "--kind", "notice", "--mailto", NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_true (g_str_has_prefix (r2.out, "mailto:leticia.campos@utv.edu.mx?subject=Notice%3A%20"));
  g_assert_nonnull (strstr (r2.out, "&body="));
  g_assert_null (strchr (g_strchomp (r2.out), ' '));
}

/* The dictamen técnico: the request, the quotes compared against the
 * requirements (one column per quote, their totals), the resolution and
 * the two signature lines. */
static void
test_dictamen (void)
{
  g_autofree char *project = make_project ();
  g_autofree char *pdf = g_build_filename (tmp_dir, "dictamen.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *folio = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(EnlaceCliRun) r = { 0 };
  JsonObject *o;

  enlace_test_cli_run (&r, tmp_dir, "case", "new", project, "dictamen", "--requester", "C. Leticia Campos Orozco",
                       "--opened-at", "2026-05-04T16:00:00Z", "equipment=Impresoras láser para nómina",
                       "quantity=3", "justification=Las impresoras actuales ya no tienen refacciones",
                       "requirements=Dúplex automático, red Ethernet, 40 ppm", NULL);
  g_assert_cmpint (r.status, ==, 0);
  folio = g_strstrip (g_strdup (r.out));
  enlace_test_cli_run (&r, tmp_dir, "opinion", "quote", "add", project, folio, "--vendor", "Papelería Central",
                       "--item", "Impresora láser", "--brand", "Brother", "--model", "HL-L6200DW",
                       "--spec", "Dúplex, Ethernet, 48 ppm", "--price", "8450", "--quantity", "3",
                       "--delivery", "10", "--warranty", "12", "--meets", "yes", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "opinion", "quote", "add", project, folio, "--vendor", "OfiMundo",
                       "--item", "Impresora láser", "--brand", "HP", "--model", "M404n",
                       "--spec", "Sin dúplex, 40 ppm", "--price", "6990.5", "--quantity", "3",
                       "--meets", "no", "--notes", "No cumple el dúplex", NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* before the resolution: the table, and "not resolved yet" */
  enlace_test_cli_run (&r, tmp_dir, "case", "doc", project, folio, "--kind", "dictamen", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  text = pdf_words (pdf);
  assert_words (text, "Technical opinion");
  assert_words (text, "This opinion has not been resolved yet.");
  g_clear_pointer (&text, g_free);

  enlace_test_cli_run (&r, tmp_dir, "opinion", "resolve", project, folio, "--result", "favourable",
                       "--reasons", "La cotización 1 cumple todos los requerimientos", "--recommend", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "doc", project, folio, "--kind", "dictamen", "--date", "2026-05-20",
                       "-o", pdf, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "dictamen");
  text = pdf_words (pdf);
  assert_words (text, "Folio DICT-2026-0001");
  assert_words (text, "May 20, 2026");
  assert_words (text, "Requester C. Leticia Campos Orozco");
  assert_words (text, "Area Recursos Humanos");
  assert_words (text, "Equipo a adquirir Impresoras láser para nómina");
  assert_words (text, "Cantidad 3");
  assert_words (text, "Justificación Las impresoras actuales ya no tienen refacciones");
  /* the table: heading, then one row per aspect, the requirement first */
  assert_words (text, "Comparison of the quotes against the requirements");
  assert_words (text, "Requested 1. Papelería Central 2. OfiMundo");
  assert_words (text, "Brand and model — Brother HL-L6200DW HP M404n");
  assert_words (text, "Specification Dúplex automático, red Ethernet, 40 ppm Dúplex, Ethernet, 48 ppm Sin dúplex, 40 ppm");
  assert_words (text, "Quantity 3 3 3");
  assert_words (text, "Unit price — 8,450.00 MXN 6,990.50 MXN");
  assert_words (text, "Total — 25,350.00 MXN 20,971.50 MXN");
  assert_words (text, "Delivery — 10 days —");
  assert_words (text, "Meets the requirements — Yes No");
  assert_words (text, "Notes — — No cumple el dúplex");
  assert_words (text, "Recommended Recommended");
  /* the resolution */
  assert_words (text, "Resolution Verdict: Favourable.");
  assert_words (text, "Reasons: La cotización 1 cumple todos los requerimientos");
  assert_words (text, "Recommended quote: number 1, Papelería Central — Impresora láser, Brother HL-L6200DW, for a total of 25,350.00 MXN.");
  assert_words (text, "Head of the department");
  assert_words (text, "Technician who prepared the opinion");
  g_clear_pointer (&text, g_free);

  /* only an opinion has one */
  enlace_test_cli_run (&r, tmp_dir, "case", "doc", project, "BAJA-2026-0001", "--kind", "dictamen", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "BAJA-2026-0001 has no Technical opinion"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("enlace-cli-case-doc-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/case-doc/form", test_form_default);
  g_test_add_func ("/cli/case-doc/kinds", test_kinds);
  g_test_add_func ("/cli/case-doc/text-and-mailto", test_text_and_mailto);
  g_test_add_func ("/cli/case-doc/dictamen", test_dictamen);
  rc = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  return rc;
}
