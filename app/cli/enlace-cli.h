/* enlace-cli.h: enlace-cli commands, one file per group.
 *
 * Every command gets argv with argv[0] the command name and the project
 * file first after it.  It returns the exit status: 0 success, 1 error
 * (message on stderr), 2 bad usage.  --json selects machine output and
 * --help prints the command's help on stdout (exit 0).
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define CLI_OK    0
#define CLI_ERROR 1
#define CLI_USAGE 2

typedef int (*EnlaceCliFunc) (int argc, char **argv);

typedef struct
{
  const char    *name;
  EnlaceCliFunc  func;
  const char    *summary;   /* N_() */
} EnlaceCliCommand;

/* Shared helpers (enlace-cli-util.c) */
int          cli_usage_error   (const char      *command,
                                const char      *fmt,
                                ...) G_GNUC_PRINTF (2, 3);
int          cli_fail          (GError          *error);   /* prints, frees, returns 1 */
EnlaceStore *cli_open          (const char      *path,
                                gboolean         create,
                                GError         **error);
void         cli_print_json    (JsonNode        *node);    /* pretty, to stdout */
/* Parses options with GOptionContext; handles --help.  Returns -1 to go
 * on, or an exit status to return at once. */
int          cli_parse         (const char      *command,
                                const char      *parameter_string,
                                const char      *summary,
                                GOptionEntry    *entries,
                                int             *argc,
                                char          ***argv);

/* enlace-cli-opinions.c */
int cli_cmd_opinion   (int argc, char **argv);
int cli_cmd_extension (int argc, char **argv);
/* enlace-cli-faulty.c */
int cli_cmd_faulty    (int argc, char **argv);

/* enlace-cli-orders.c; cli_order_json adds "order" (changes, execution)
 * to an order's `case show --json` */
int  cli_cmd_order    (int argc, char **argv);
void cli_order_json   (EnlaceStore *store,
                       gint64       case_id,
                       JsonObject  *o);

/* enlace-cli-inventory.c */
int cli_cmd_new       (int argc, char **argv);
int cli_cmd_list      (int argc, char **argv);
int cli_cmd_show      (int argc, char **argv);
int cli_cmd_check     (int argc, char **argv);
int cli_cmd_stats     (int argc, char **argv);
/* enlace-cli-stats.c: stats FILE --cases */
int cli_cmd_stats_cases (int argc, char **argv);
int cli_cmd_add       (int argc, char **argv);
int cli_cmd_set       (int argc, char **argv);
int cli_cmd_remove    (int argc, char **argv);
int cli_cmd_connect   (int argc, char **argv);
int cli_cmd_disconnect(int argc, char **argv);
int cli_cmd_undo      (int argc, char **argv);
int cli_cmd_redo      (int argc, char **argv);
int cli_cmd_log       (int argc, char **argv);

/* enlace-cli-csv.c */
int cli_cmd_export_csv (int argc, char **argv);
int cli_cmd_import_csv (int argc, char **argv);
/* enlace-cli-rules.c: check FILE --rules, rules FILE show|set|reset */
int      cli_cmd_check_rules   (int argc, char **argv);
gboolean cli_check_wants_rules (int argc, char **argv);
int      cli_cmd_rules         (int argc, char **argv);

/* enlace-cli-xml.c */
int cli_cmd_import    (int argc, char **argv);
int cli_cmd_export    (int argc, char **argv);
int cli_cmd_generate  (int argc, char **argv);

/* enlace-cli-trace.c */
int cli_cmd_trace     (int argc, char **argv);
int cli_cmd_paths     (int argc, char **argv);
int cli_cmd_impact    (int argc, char **argv);
int cli_cmd_free      (int argc, char **argv);

/* enlace-cli-plan.c */
int cli_cmd_plan            (int argc, char **argv);
int cli_cmd_plan_background (int argc, char **argv);
/* enlace-cli-design.c */
int cli_cmd_design          (int argc, char **argv);

/* enlace-cli-cases.c */
int cli_cmd_case       (int argc, char **argv);

int cli_cmd_procedures (int argc, char **argv);
int cli_cmd_account    (int argc, char **argv);
/* "case doc": defined by the documents code; weak so that enlace-cli
 * builds without it (the subcommand is then not offered). */
int cli_case_doc       (int argc, char **argv) __attribute__ ((weak));

/* enlace-cli-labels.c */
int cli_cmd_labels     (int argc, char **argv);
/* enlace-cli-reports.c */
int cli_cmd_report     (int argc, char **argv);

/* enlace-cli-meta.c */
int cli_cmd_meta       (int argc, char **argv);

/* enlace-cli-bom.c */
int cli_cmd_bom      (int argc, char **argv);
int cli_cmd_prices   (int argc, char **argv);
int cli_cmd_label_templates (int argc, char **argv);
int cli_cmd_install  (int argc, char **argv);
int cli_cmd_certify  (int argc, char **argv);
/* enlace-cli-devicetypes.c */
int cli_cmd_import_device_types (int argc, char **argv);

G_END_DECLS
