/* gr-cli-basemap.c — greenreach-cli basemap: an offline base map made from
 * an OpenStreetMap extract or a project's own layers
 *
 *   basemap SOURCE -o FILE.mbtiles [--zoom 10-17] [--bbox LON0,LAT0,LON1,LAT1]
 *                                  [--threads N] [--json]
 *
 * Ctrl+C stops it and leaves no file behind.
 */
#include "config.h"

#include "gr-basemap-job.h"
#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-cli-evaluation.h"
#include "gr-osm.h"
#include "gr-project-file.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

typedef struct
{
  GrCliOptions common;
  char        *zoom;
  char        *bbox;
  int          threads;
} Options;

static void
options_clear (Options *o)
{
  gr_cli_options_clear (&o->common);
  g_free (o->zoom);
  g_free (o->bbox);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
options_parse (Options *o, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context =
      g_option_context_new (_ ("OSMFILE|PROJECT.gpkg -o BASEMAP.mbtiles"));
  GOptionEntry entries[] = {
    { "zoom", 0, 0, G_OPTION_ARG_STRING, &o->zoom,
      N_ ("The zoom levels to make, from-to (default 10-17)"), "MIN-MAX" },
    { "bbox", 0, 0, G_OPTION_ARG_STRING, &o->bbox,
      N_ ("The area, in degrees (default: all the source's data)"), "LON0,LAT0,LON1,LAT1" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &o->threads,
      N_ ("Tiles rendered at once (default: one per core)"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->common.output, N_ ("The MBTiles file to write"),
      "FILE" },
    gr_cli_entry (&o->common, GR_CLI_JSON),
    gr_cli_entry (&o->common, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (&o->common);
  g_option_context_set_summary (
      context, _ ("Make an offline base map (MBTiles, PNG tiles) from an OpenStreetMap extract or "
                  "a project's layers: land use, water, parks, buildings, roads, rail and names, "
                  "Chinese names first under a Chinese locale."));
  return gr_cli_parse_options (context, entries, argc, argv);
}

static gboolean
parse_zoom (const char *text, GrBasemapOptions *b)
{
  int  from, to;
  char tail;

  if (text == NULL)
    return TRUE;
  if (sscanf (text, "%d-%d%c", &from, &to, &tail) == 2)
    ;
  else if (sscanf (text, "%d%c", &from, &tail) == 1)
    to = from;
  else
    return FALSE;
  b->min_zoom = from;
  b->max_zoom = to;
  return from >= 0 && from <= to && to <= 20;
}

static gboolean
parse_bbox (const char *text, GrBasemapOptions *b)
{
  g_auto (GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;
  parts = g_strsplit (text, ",", -1);
  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      char *end;

      b->bounds[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0')
        return FALSE;
    }
  return b->bounds[0] < b->bounds[2] && b->bounds[1] < b->bounds[3] && b->bounds[0] >= -180
         && b->bounds[2] <= 180 && b->bounds[1] >= -85.06 && b->bounds[3] <= 85.06;
}

static gboolean
options_check (Options *o, GrBasemapOptions *b, GError **error)
{
  const char *message = NULL;

  if (!gr_cli_has_one_arg (o->common.args))
    message = _ ("basemap needs one OpenStreetMap extract or project file");
  else if (o->common.output == NULL)
    message = _ ("basemap needs -o BASEMAP.mbtiles");
  else if (!parse_zoom (o->zoom, b))
    message = _ ("--zoom must be MIN-MAX with 0 ≤ MIN ≤ MAX ≤ 20, as in 10-17");
  else if (!parse_bbox (o->bbox, b))
    message = _ ("--bbox must be LON0,LAT0,LON1,LAT1 in degrees, west before east and south "
                 "before north");
  else if (o->threads < 0 || o->threads > 64)
    message = _ ("--threads must be between 1 and 64");
  if (message != NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  b->threads = o->threads;
  return message == NULL;
}

static GrBasemapData *
read_source (const char *path, GError **error)
{
  g_autoptr (GrProject) project = NULL;

  if (!g_str_has_suffix (path, ".gpkg"))
    return gr_basemap_data_new_from_osm (path, gr_osm_prefers_chinese (), NULL, error);
  if ((project = gr_project_load (path, error)) == NULL)
    return NULL;
  return gr_basemap_data_new_from_project (project, error);
}

typedef struct
{
  GMainLoop     *loop;
  GCancellable  *cancellable;
  gboolean       tty;
  gboolean       ok;
  GrBasemapStats stats;
  GError        *error;
} Run;

static void
show_progress (double fraction, const char *what, gpointer user_data)
{
  Run *run = user_data;

  if (run->tty)
    fprintf (stderr, "\r%s… %3.0f %%", what, 100 * fraction);
}

static gboolean
interrupted (gpointer user_data)
{
  Run *run = user_data;

  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

static void
written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  run->ok = gr_basemap_write_finish (result, &run->stats, &run->error);
  g_main_loop_quit (run->loop);
}

static void
print_json (const Run *run, const GrBasemapOptions *b, const char *path, double rate)
{
  g_autoptr (JsonBuilder) j = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (j);
  json_builder_set_member_name (j, "file");
  json_builder_add_string_value (j, path);
  json_builder_set_member_name (j, "tiles");
  json_builder_add_int_value (j, run->stats.tiles);
  json_builder_set_member_name (j, "bytes");
  json_builder_add_int_value (j, (gint64) run->stats.bytes);
  gr_cli_json_add_number (j, "seconds", run->stats.seconds);
  gr_cli_json_add_number (j, "tiles_per_second", rate);
  json_builder_set_member_name (j, "min_zoom");
  json_builder_add_int_value (j, b->min_zoom);
  json_builder_set_member_name (j, "max_zoom");
  json_builder_add_int_value (j, b->max_zoom);
  json_builder_set_member_name (j, "threads");
  json_builder_add_int_value (j, b->threads > 0 ? b->threads : g_get_num_processors ());
  json_builder_end_object (j);
  root = json_builder_get_root (j);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

static void
report (const Run *run, const GrBasemapOptions *b, const char *path, gboolean json)
{
  double rate = run->stats.tiles / MAX (run->stats.seconds, 1e-3);

  if (json)
    print_json (run, b, path, rate);
  else
    /* TRANSLATORS: the base map written: its file, tiles, zoom levels,
     * size, time and tiles per second */
    printf (_ ("%s: %u tiles, zoom %d–%d, %.1f MB, in %.1f s (%.0f tiles a second)\n"), path,
            run->stats.tiles, b->min_zoom, b->max_zoom, run->stats.bytes / 1e6, run->stats.seconds,
            rate);
}

int
gr_cli_basemap (int argc, char **argv)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GrBasemapOptions b;
  GrBasemapData   *data;
  g_autofree char *name = NULL;
  Run              run = { loop, cancellable, isatty (STDERR_FILENO), FALSE, { 0 }, NULL };
  guint            sigint;

  gr_basemap_options_init (&b);
  if (!options_parse (&o, &argc, &argv))
    return EXIT_USAGE;
  if (!options_check (&o, &b, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if ((data = read_source (o.common.args[0], &error)) == NULL)
    return gr_cli_fail_error (error);
  name = g_path_get_basename (o.common.args[0]);
  b.name = name;
  b.attribution =
      g_str_has_suffix (o.common.args[0], ".gpkg") ? NULL : _ ("© OpenStreetMap contributors");
  if (!gr_basemap_check (data, &b, &error))
    {
      gr_basemap_data_free (data);
      return gr_cli_fail (EXIT_USAGE, error->message);
    }
  sigint = g_unix_signal_add (SIGINT, interrupted, &run);
  gr_basemap_write_async (data, &b, o.common.output, show_progress, &run, cancellable, written,
                          &run);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  if (run.tty)
    fputc ('\n', stderr);
  if (!run.ok)
    {
      error = run.error;
      return gr_cli_fail_error (error);
    }
  report (&run, &b, o.common.output, o.common.json);
  return EXIT_OK;
}
