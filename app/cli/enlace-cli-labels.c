/* enlace-cli-labels.c: labels for the installers (enlace-cli labels)
 *
 *   enlace-cli labels FILE KIND [--building B] [--floor B/L] [--rack R]
 *                     [--objects K1,K2…] … -o OUT.pdf
 *   enlace-cli labels FILE [KIND] --from-report REPORT [--building B
 *                     [--floor F]] … -o OUT.pdf
 *
 * --from-report prints the labels of the objects of a report (cables,
 * outlets, panels, racks) over the same scope as `enlace-cli report`.
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"
#include "enlace-label-layout.h"
#include "enlace-labels.h"
#include "enlace-render-labels.h"
#include "enlace-report.h"

static char *opt_building;
static char *opt_floor;
static char *opt_rack;
static char *opt_objects;
static char *opt_from_report;
static char *opt_layout;
static char *opt_grid;
static char *opt_paper;
static char *opt_margins;
static char *opt_pitch;
static char *opt_size;
static char *opt_tape;
static double opt_length;
static int opt_start;
static char *opt_style;
static gboolean opt_no_qr;
static gboolean opt_outlines;
static gboolean opt_layouts;
static char *opt_output;
static gboolean opt_json;

static GOptionEntry entries[] = {
  { "building", 0, 0, G_OPTION_ARG_STRING, &opt_building, N_("Only what is in this building"), N_("BUILDING") },
  { "floor", 0, 0, G_OPTION_ARG_STRING, &opt_floor, N_("Only what is on this floor (BUILDING/LEVEL)"), N_("FLOOR") },
  { "rack", 0, 0, G_OPTION_ARG_STRING, &opt_rack, N_("Only what is in this rack"), N_("RACK") },
  { "objects", 0, 0, G_OPTION_ARG_STRING, &opt_objects,
    N_("These objects only, by key (cable labels, device or rack names), comma-separated"), N_("K1,K2…") },
  { "from-report", 0, 0, G_OPTION_ARG_STRING, &opt_from_report,
    N_("The objects of this report (cables, outlets, panels, racks) in its scope: --building B [--floor F] as in “enlace-cli report”; KIND is then optional"),
    N_("REPORT") },
  { "layout", 0, 0, G_OPTION_ARG_STRING, &opt_layout, N_("A sheet or tape preset (see --layouts; default L7160)"), N_("PRESET") },
  { "grid", 0, 0, G_OPTION_ARG_STRING, &opt_grid, N_("A custom sheet of ROWS×COLUMNS labels"), N_("RxC") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &opt_paper, N_("Paper of a custom sheet: A4 (default) or Letter"), N_("PAPER") },
  { "margins", 0, 0, G_OPTION_ARG_STRING, &opt_margins, N_("Top and left margins of a custom sheet, mm (default 10,10)"), N_("TOP,LEFT") },
  { "pitch", 0, 0, G_OPTION_ARG_STRING, &opt_pitch, N_("Distance from one label to the next, across and down, mm"), N_("X,Y") },
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size, N_("Size of a label of a custom sheet, mm (default: its pitch)"), N_("W,H") },
  { "tape", 0, 0, G_OPTION_ARG_STRING, &opt_tape, N_("A label printer's continuous tape of this width, one label per page"), N_("WIDTHmm") },
  { "length", 0, 0, G_OPTION_ARG_DOUBLE, &opt_length, N_("Length of each tape label, mm (default: as long as it needs)"), N_("MM") },
  { "start", 0, 0, G_OPTION_ARG_INT, &opt_start, N_("Start at label N of the first sheet (a half-used sheet; default 1)"), N_("N") },
  { "style", 0, 0, G_OPTION_ARG_STRING, &opt_style, N_("Cable labels: “wrap” (wrap-around, default) or “flag”"), N_("STYLE") },
  { "no-qr", 0, 0, G_OPTION_ARG_NONE, &opt_no_qr, N_("Leave out the QR codes"), NULL },
  { "outlines", 0, 0, G_OPTION_ARG_NONE, &opt_outlines, N_("Draw the outline of each label (for plain paper)"), NULL },
  { "layouts", 0, 0, G_OPTION_ARG_NONE, &opt_layouts, N_("List the layout presets and exit"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The PDF file to write"), N_("FILE") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

static gboolean
parse_pair (const char *text,
            const char *separators,
            double     *a,
            double     *b)
{
  g_auto(GStrv) parts = NULL;
  char *end;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit_set (text, separators, -1);
  if (g_strv_length (parts) != 2)
    return FALSE;
  *a = g_ascii_strtod (parts[0], &end);
  if (end == parts[0] || *end != '\0')
    return FALSE;
  *b = g_ascii_strtod (parts[1], &end);
  return end != parts[1] && *end == '\0';
}

static void
print_layouts (void)
{
  guint n;
  const EnlaceLabelPreset *p = enlace_label_presets (&n);

  for (guint i = 0; i < n; i++)
    printf ("%-10s %s\n", p[i].name, _(p[i].description));
}

static char *
kinds_help (void)
{
  GString *s = g_string_new (_("Kinds:"));

  g_string_append_c (s, '\n');
  for (guint i = 0; i < ENLACE_LABEL_N_KINDS; i++)
    g_string_append_printf (s, "  %-10s %s\n", enlace_label_kind_to_string (i), enlace_label_kind_title (i));
  return g_string_free (s, FALSE);
}

static int
build_layout (EnlaceLabelLayout *layout,
              GError           **error)
{
  if (opt_tape)
    {
      double width = g_ascii_strtod (opt_tape, NULL);

      if (opt_layout || opt_grid)
        return cli_usage_error ("labels", "%s", _("give one of --layout, --grid and --tape"));
      if (!enlace_label_layout_init_tape (layout, width, opt_length, error))
        return CLI_ERROR;
    }
  else if (opt_grid)
    {
      double rows, columns, top = -1, left = -1, px = -1, py = -1, w = -1, h = -1;

      if (opt_layout)
        return cli_usage_error ("labels", "%s", _("give one of --layout, --grid and --tape"));
      if (!parse_pair (opt_grid, "xX", &rows, &columns) || rows < 1 || columns < 1)
        return cli_usage_error ("labels", _("--grid is ROWSxCOLUMNS, e.g. 7x3, not “%s”"), opt_grid);
      if (opt_margins && !parse_pair (opt_margins, ",", &top, &left))
        return cli_usage_error ("labels", _("--margins is TOP,LEFT in mm, not “%s”"), opt_margins);
      if (opt_pitch && !parse_pair (opt_pitch, ",", &px, &py))
        return cli_usage_error ("labels", _("--pitch is X,Y in mm, not “%s”"), opt_pitch);
      if (opt_size && !parse_pair (opt_size, ",", &w, &h))
        return cli_usage_error ("labels", _("--size is WIDTH,HEIGHT in mm, not “%s”"), opt_size);
      if (!enlace_label_layout_init_grid (layout, opt_paper, (guint) rows, (guint) columns,
                                          top, left, px, py, w, h, error))
        return CLI_ERROR;
    }
  else if (!enlace_label_layout_init_preset (layout, opt_layout ? opt_layout : "L7160", error))
    return CLI_ERROR;
  return -1;
}

/* The labels of the objects of the report --from-report, scoped like
 * `enlace-cli report`: --building CODE [--floor LEVEL], or --floor B/L. */
static GPtrArray *
labels_from_report (EnlaceStore     *store,
                    EnlaceLabelKind  kind,
                    GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) parts = NULL;
  EnlaceReportScope scope = { opt_building, opt_floor, NULL, NULL, NULL };
  const char *object_kind = NULL;

  if (opt_floor && opt_building == NULL)
    {
      parts = g_strsplit (opt_floor, "/", 2);
      if (parts[0] && parts[1])
        {
          scope.building = parts[0];
          scope.floor = parts[1];
        }
    }
  if (!enlace_report_collect_keys (store, opt_from_report, &scope, &object_kind, &ids, NULL, error))
    return NULL;
  return enlace_labels_collect_for (store, kind, object_kind, ids, NULL, error);
}

int
cli_cmd_labels (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *summary = NULL;
  g_autofree char *kinds = kinds_help ();
  EnlaceLabelLayout layout = { 0 };
  EnlaceLabelScope scope = { 0 };
  EnlaceLabelStyle style;
  EnlaceLabelKind kind;
  const char *kind_name;
  guint pages, per;
  int status;

  summary = g_strdup_printf ("%s\n\n%s\n%s", _("Print labels for the installers as a PDF: on sheets of laser labels or on a label printer's tape."), kinds,
                             _("With --from-report REPORT, the labels of the report's objects: the cables of “cables”, the outlets of “outlets”, the patch panels of “panels”, the racks of “racks”."));
  if ((status = cli_parse ("labels", _("FILE KIND -o OUTPUT.pdf"), summary, entries, &argc, &argv)) >= 0)
    return status;
  if (opt_layouts)
    {
      print_layouts ();
      return CLI_OK;
    }
  if (opt_from_report)
    {
      if (enlace_report_label_kind (opt_from_report) == NULL)
        return cli_usage_error ("labels", _("the report “%s” has no labels (cables, outlets, panels, racks have)"), opt_from_report);
      if (opt_rack || opt_objects)
        return cli_usage_error ("labels", "%s", _("--from-report takes its objects from the report: leave out --rack and --objects"));
    }
  if (argc != 3 && !(opt_from_report && argc == 2))
    return cli_usage_error ("labels", "%s", _("give the project file and the kind of labels"));
  kind_name = argc == 3 ? argv[2] : enlace_report_label_kind (opt_from_report);
  if (!enlace_label_kind_from_string (kind_name, &kind))
    return cli_usage_error ("labels", _("unknown kind of labels “%s” (cable, panel, faceplate, rack, device)"), kind_name);
  if (opt_output == NULL)
    return cli_usage_error ("labels", "%s", _("-o OUTPUT is required"));

  enlace_label_style_init (&style);
  if (opt_style && strcmp (opt_style, "flag") == 0)
    style.cable_style = ENLACE_CABLE_LABEL_FLAG;
  else if (opt_style && strcmp (opt_style, "wrap") != 0)
    return cli_usage_error ("labels", _("--style is “wrap” or “flag”, not “%s”"), opt_style);
  style.qr = !opt_no_qr;
  style.outlines = opt_outlines;

  if ((status = build_layout (&layout, &error)) >= 0)
    {
      enlace_label_layout_clear (&layout);
      return status == CLI_ERROR ? cli_fail (g_steal_pointer (&error)) : status;
    }
  per = enlace_label_layout_per_page (&layout);
  if (opt_start < 0 || (opt_start > 0 && (guint) opt_start > per))
    {
      enlace_label_layout_clear (&layout);
      return cli_usage_error ("labels", _("--start is a label of the sheet, 1 to %u"), per);
    }

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    goto fail;
  if (opt_from_report)
    {
      labels = labels_from_report (store, kind, &error);
      if (labels == NULL)
        goto fail;
      goto print;
    }
  if (opt_building && (scope.building_id = enlace_store_lookup (store, "building", opt_building, &error)) == 0)
    goto fail;
  if (opt_floor && (scope.floor_id = enlace_store_lookup (store, "floor", opt_floor, &error)) == 0)
    goto fail;
  if (opt_rack && (scope.rack_id = enlace_store_lookup (store, "rack", opt_rack, &error)) == 0)
    goto fail;
  if (opt_objects)
    {
      g_auto(GStrv) keys = g_strsplit (opt_objects, ",", -1);

      for (guint i = 0; keys[i]; i++)
        {
          gint64 id;

          g_strstrip (keys[i]);
          if (keys[i][0] == '\0')
            continue;
          id = enlace_store_lookup (store, enlace_label_kind_source (kind), keys[i], &error);
          if (id == 0)
            goto fail;
          g_array_append_val (ids, id);
        }
      scope.ids = ids;
    }

  labels = enlace_labels_collect (store, kind, &scope, &error);
  if (labels == NULL)
    goto fail;
print:
  pages = enlace_render_labels_pdf (labels, &layout, opt_start > 0 ? opt_start - 1 : 0,
                                    &style, opt_output, &error);
  if (pages == 0)
    goto fail;

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, enlace_label_kind_to_string (kind));
      json_builder_set_member_name (b, "labels");
      json_builder_add_int_value (b, labels->len);
      json_builder_set_member_name (b, "pages");
      json_builder_add_int_value (b, pages);
      json_builder_set_member_name (b, "layout");
      json_builder_add_string_value (b, layout.name);
      json_builder_set_member_name (b, "per_page");
      json_builder_add_int_value (b, per);
      json_builder_set_member_name (b, "output");
      json_builder_add_string_value (b, opt_output);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  else
    printf (ngettext ("%u label on %u page: %s\n", "%u labels on %u pages: %s\n", labels->len),
            labels->len, pages, opt_output);
  enlace_label_layout_clear (&layout);
  return CLI_OK;

fail:
  enlace_label_layout_clear (&layout);
  return cli_fail (g_steal_pointer (&error));
}
