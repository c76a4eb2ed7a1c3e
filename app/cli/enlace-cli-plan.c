/* enlace-cli-plan.c: floor plans without a display (plan, plan-background) */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"
#include "enlace-geometry.h"
#include "enlace-plan-sheet.h"
#include "enlace-plan.h"
#include "enlace-trace.h"

static char *opt_floor;
static char *opt_output;
static char *opt_scale;
static char *opt_paper;
static char *opt_format;
static char *opt_color;
static char *opt_layers;
static char *opt_author;
static char *opt_date;
static gboolean opt_portrait;
static gboolean opt_json;
static double opt_dpi = 150;
static int opt_page = 1;
static double opt_metres_per_unit = NAN;   /* NAN: not given */
static char *opt_calibrate;
static double opt_opacity = NAN;
static char *opt_origin;

static GOptionEntry plan_entries[] = {
  { "floor", 0, 0, G_OPTION_ARG_STRING, &opt_floor, N_("The floor to draw (BUILDING/LEVEL)"), N_("FLOOR") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The file to write (.pdf, .svg or .png)"), N_("FILE") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, &opt_scale, N_("1:50, 1:100, 1:200… or “fit” (default 1:100)"), N_("SCALE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &opt_paper, N_("A4, A3, A2, A1, A0, Letter, Legal or Tabloid (default A3)"), N_("PAPER") },
  { "portrait", 0, 0, G_OPTION_ARG_NONE, &opt_portrait, N_("Portrait sheets (default landscape)"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("pdf, svg or png (default: from the file name)"), N_("FORMAT") },
  { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &opt_dpi, N_("Resolution of PNG output (default 150)"), N_("DPI") },
  { "color", 0, 0, G_OPTION_ARG_STRING, &opt_color, N_("Colour outlets by “state” (default) or “status”"), N_("BY") },
  { "layers", 0, 0, G_OPTION_ARG_STRING, &opt_layers,
    N_("Comma-separated layers to show: background, spaces, walls, pathways, data, voice, racks, devices, labels, routes (default all but routes)"),
    N_("LIST") },
  { "author", 0, 0, G_OPTION_ARG_STRING, &opt_author, N_("Author in the title block (default: the file's author)"), N_("NAME") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("Date in the title block (default: today)"), N_("DATE") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

static GOptionEntry background_entries[] = {
  { "floor", 0, 0, G_OPTION_ARG_STRING, &opt_floor, N_("The floor (BUILDING/LEVEL)"), N_("FLOOR") },
  { "page", 0, 0, G_OPTION_ARG_INT, &opt_page, N_("Page of a PDF plan (default 1)"), N_("N") },
  { "metres-per-unit", 0, 0, G_OPTION_ARG_DOUBLE, &opt_metres_per_unit,
    N_("Scale of the image: metres per pixel (or per PDF point)"), N_("M") },
  { "calibrate", 0, 0, G_OPTION_ARG_STRING, &opt_calibrate,
    N_("Scale from two image points and their real distance: X1,Y1,X2,Y2,METRES"), N_("MEASURE") },
  { "origin", 0, 0, G_OPTION_ARG_STRING, &opt_origin,
    N_("Where the image's top-left corner lies on the floor, metres: X,Y"), N_("X,Y") },
  { "opacity", 0, 0, G_OPTION_ARG_DOUBLE, &opt_opacity, N_("Opacity of the image, 0 to 1 (default 0.5)"), N_("A") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

static gboolean
parse_layers (const char  *text,
              guint       *layers,
              GError     **error)
{
  static const struct { const char *name; guint bit; } names[] = {
    { "background", ENLACE_PLAN_LAYER_BACKGROUND },
    { "spaces", ENLACE_PLAN_LAYER_SPACES },
    { "walls", ENLACE_PLAN_LAYER_WALLS },
    { "pathways", ENLACE_PLAN_LAYER_PATHWAYS },
    { "data", ENLACE_PLAN_LAYER_OUTLETS_DATA },
    { "voice", ENLACE_PLAN_LAYER_OUTLETS_VOICE },
    { "racks", ENLACE_PLAN_LAYER_RACKS },
    { "devices", ENLACE_PLAN_LAYER_DEVICES },
    { "labels", ENLACE_PLAN_LAYER_LABELS },
    { "routes", ENLACE_PLAN_LAYER_ROUTES },
    { "all", ENLACE_PLAN_LAYER_ALL },
  };
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *layers = 0;
  for (guint i = 0; parts[i]; i++)
    {
      gboolean found = FALSE;

      g_strstrip (parts[i]);
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        if (strcmp (parts[i], names[k].name) == 0)
          {
            *layers |= names[k].bit;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown layer “%s”"), parts[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The format a file name asks for, NULL when it names none of them. */
static const char *
format_of (const char *path)
{
  const char *dot = strrchr (path, '.');

  if (dot && g_ascii_strcasecmp (dot, ".svg") == 0)
    return "svg";
  if (dot && g_ascii_strcasecmp (dot, ".png") == 0)
    return "png";
  if (dot && g_ascii_strcasecmp (dot, ".pdf") == 0)
    return "pdf";
  return NULL;
}

int
cli_cmd_plan (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(EnlacePlanScene) scene = NULL;
  g_autoptr(EnlacePlanBackground) background = NULL;
  g_autofree char *institution = NULL;
  g_autofree char *author = NULL;
  EnlacePlanSheetOptions options;
  EnlacePlanSheetLayout layout;
  gint64 floor_id;
  guint files;
  double w, h;
  int status;

  if ((status = cli_parse ("plan", _("FILE --floor FLOOR -o OUTPUT"),
                           _("Draw a floor plan to scale as PDF, SVG or PNG, with a title block, a legend and a north arrow."),
                           plan_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("plan", "%s", _("give the project file"));
  if (opt_floor == NULL)
    return cli_usage_error ("plan", "%s", _("--floor is required"));
  if (opt_output == NULL)
    return cli_usage_error ("plan", "%s", _("-o OUTPUT is required"));

  enlace_plan_sheet_options_init (&options);
  if (opt_scale && !enlace_plan_parse_scale (opt_scale, &options.scale))
    return cli_usage_error ("plan", _("“%s” is not a scale (write 1:100 or fit)"), opt_scale);
  if (opt_paper)
    options.paper = opt_paper;
  if (!enlace_plan_paper_size (options.paper, &w, &h))
    return cli_usage_error ("plan", _("unknown paper “%s”"), options.paper);
  options.landscape = !opt_portrait;
  if (opt_color && strcmp (opt_color, "status") == 0)
    options.style.coloring = ENLACE_PLAN_COLOR_STATUS;
  else if (opt_color && strcmp (opt_color, "state") != 0)
    return cli_usage_error ("plan", _("--color is “state” or “status”, not “%s”"), opt_color);
  if (opt_layers && !parse_layers (opt_layers, &options.style.layers, &error))
    return cli_usage_error ("plan", "%s", error->message);
  if (opt_format && strcmp (opt_format, "pdf") && strcmp (opt_format, "svg") && strcmp (opt_format, "png"))
    return cli_usage_error ("plan", _("--format is pdf, svg or png, not “%s”"), opt_format);
  /* A PDF written to "plan.doc" would be opened by the wrong program. */
  if (opt_format == NULL && format_of (opt_output) == NULL)
    return cli_usage_error ("plan", _("“%s” does not end in .pdf, .svg or .png (or give --format)"),
                            opt_output);

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  floor_id = enlace_store_lookup (store, "floor", opt_floor, &error);
  if (floor_id == 0)
    return cli_fail (g_steal_pointer (&error));

  tracer = enlace_tracer_new (store);
  scene = enlace_plan_scene_load (store, floor_id, tracer, &error);
  if (scene == NULL)
    return cli_fail (g_steal_pointer (&error));
  background = enlace_plan_background_load (store, scene, &error);
  if (error != NULL)
    return cli_fail (g_steal_pointer (&error));
  options.style.background = background;

  institution = enlace_store_get_meta (store, "institution");
  author = opt_author ? g_strdup (opt_author) : enlace_store_get_meta (store, "author");
  options.institution = institution;
  options.author = author;
  options.date = opt_date;

  files = enlace_plan_export (scene, &options, opt_output,
                              opt_format ? opt_format : format_of (opt_output), opt_dpi, &error);
  if (files == 0)
    return cli_fail (g_steal_pointer (&error));

  if (options.landscape)
    {
      double t = w;
      w = h;
      h = t;
    }
  enlace_plan_sheet_layout (scene, &options, w, h, &layout, NULL);
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "output");
      json_builder_add_string_value (b, opt_output);
      json_builder_set_member_name (b, "files");
      json_builder_add_int_value (b, files);
      json_builder_set_member_name (b, "sheets");
      json_builder_add_int_value (b, layout.cols * layout.rows);
      json_builder_set_member_name (b, "scale");
      json_builder_add_int_value (b, layout.scale);
      json_builder_set_member_name (b, "paper");
      json_builder_add_string_value (b, options.paper);
      json_builder_set_member_name (b, "page_width_mm");
      json_builder_add_double_value (b, w * 25.4 / 72);
      json_builder_set_member_name (b, "page_height_mm");
      json_builder_add_double_value (b, h * 25.4 / 72);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u sheet of %s at 1:%u\n", "%s: %u sheets of %s at 1:%u\n",
                         layout.cols * layout.rows),
            opt_output, layout.cols * layout.rows, options.paper, layout.scale);
  return CLI_OK;
}

int
cli_cmd_plan_background (int    argc,
                         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EnlacePlanBackground) bg = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *base = NULL;
  g_autofree char *data = NULL;
  const char *mime;
  gsize len = 0;
  gint64 floor_id;
  double scale = 0;
  int status;

  if ((status = cli_parse ("plan-background", _("FILE --floor FLOOR IMAGE"),
                           _("Put the architect's plan (PNG, JPEG, SVG or a PDF page) under a floor and set its scale."),
                           background_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("plan-background", "%s", _("give the project file and the image"));
  if (opt_floor == NULL)
    return cli_usage_error ("plan-background", "%s", _("--floor is required"));
  if (opt_page < 1)
    return cli_usage_error ("plan-background", "%s", _("--page counts from 1"));

  if (opt_calibrate)
    {
      g_auto(GStrv) parts = g_strsplit (opt_calibrate, ",", -1);
      EnlaceMeasure m;

      if (g_strv_length (parts) != 5)
        return cli_usage_error ("plan-background", "%s", _("--calibrate takes X1,Y1,X2,Y2,METRES"));
      m.a.x = g_ascii_strtod (parts[0], NULL);
      m.a.y = g_ascii_strtod (parts[1], NULL);
      m.b.x = g_ascii_strtod (parts[2], NULL);
      m.b.y = g_ascii_strtod (parts[3], NULL);
      m.real_m = g_ascii_strtod (parts[4], NULL);
      scale = enlace_calibrate (&m, &error);
      if (scale == 0)
        return cli_usage_error ("plan-background", "%s", error->message);
    }
  else if (!isnan (opt_metres_per_unit))
    {
      if (!(opt_metres_per_unit > 0 && isfinite (opt_metres_per_unit)))
        return cli_usage_error ("plan-background", _("--metres-per-unit must be a number greater than 0, not %g"),
                                opt_metres_per_unit);
      scale = opt_metres_per_unit;
    }
  if (!isnan (opt_opacity) && !(opt_opacity >= 0 && opt_opacity <= 1))
    return cli_usage_error ("plan-background", _("--opacity goes from 0 (invisible) to 1 (opaque), not %g"),
                            opt_opacity);

  if (!g_file_get_contents (argv[2], &data, &len, &error))
    return cli_fail (g_steal_pointer (&error));
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  mime = enlace_plan_background_sniff (bytes);
  bg = enlace_plan_background_new (bytes, mime, opt_page - 1, &error);
  if (bg == NULL)
    {
      g_prefix_error (&error, "%s: ", argv[2]);
      return cli_fail (g_steal_pointer (&error));
    }

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  floor_id = enlace_store_lookup (store, "floor", opt_floor, &error);
  if (floor_id == 0)
    return cli_fail (g_steal_pointer (&error));

  if (scale > 0)
    json_object_set_double_member (values, "scale", scale);
  if (!isnan (opt_opacity))
    json_object_set_double_member (values, "opacity", opt_opacity);
  if (opt_origin)
    {
      g_auto(GStrv) xy = g_strsplit (opt_origin, ",", -1);

      if (g_strv_length (xy) != 2)
        return cli_usage_error ("plan-background", "%s", _("--origin takes X,Y"));
      json_object_set_double_member (values, "origin_x", g_ascii_strtod (xy[0], NULL));
      json_object_set_double_member (values, "origin_y", g_ascii_strtod (xy[1], NULL));
    }
  base = g_path_get_basename (argv[2]);
  if (enlace_store_set_plan_background (store, floor_id, bytes, mime, base, opt_page - 1, values, &error) == 0)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "floor");
      json_builder_add_string_value (b, opt_floor);
      json_builder_set_member_name (b, "mime");
      json_builder_add_string_value (b, mime);
      json_builder_set_member_name (b, "width");
      json_builder_add_double_value (b, enlace_plan_background_get_width (bg));
      json_builder_set_member_name (b, "height");
      json_builder_add_double_value (b, enlace_plan_background_get_height (bg));
      json_builder_set_member_name (b, "metres_per_unit");
      if (scale > 0)
        json_builder_add_double_value (b, scale);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  else if (scale > 0)
    printf (_("%s: %s, %.0f × %.0f, %.4g m per unit (%.1f × %.1f m)\n"), opt_floor, base,
            enlace_plan_background_get_width (bg), enlace_plan_background_get_height (bg), scale,
            enlace_plan_background_get_width (bg) * scale, enlace_plan_background_get_height (bg) * scale);
  else
    printf (_("%s: %s, %.0f × %.0f, not calibrated yet\n"), opt_floor, base,
            enlace_plan_background_get_width (bg), enlace_plan_background_get_height (bg));
  return CLI_OK;
}
