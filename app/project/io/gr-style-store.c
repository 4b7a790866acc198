/* gr-style-store.c — how the project's layers are drawn, a table of its
 * GeoPackage (gr_layer_styles): each layer's place in the drawing order,
 * its colour when the user chose one, opacity, visibility and names
 *
 * A project opened again looks as it was left; layers the table does not
 * know (a role added since) keep their default style and place.
 */
#include "config.h"

#include "gr-style-store.h"

#include "gr-db.h"
#include "gr-pg.h"
#include "gr-project-file.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

static GrDb *
open_file (const char *path, gboolean write, GError **error)
{
  g_autofree char *shown = gr_pg_redact_connection (path);
  g_autofree char *read_only = g_strdup_printf (
      _ ("%s: the file or its folder is read-only: the layer styles cannot be kept"), shown);

  return gr_project_file_open_db (path, write, read_only, error);
}

static gboolean
parse_color (const char *text, double rgb[3])
{
  unsigned r, g, b;

  if (text == NULL || sscanf (text, "#%02x%02x%02x", &r, &g, &b) != 3)
    return FALSE;
  rgb[0] = r / 255.0, rgb[1] = g / 255.0, rgb[2] = b / 255.0;
  return TRUE;
}

/* The stored roles take the places stored roles have in the default
 * order, in their stored order; a role the file lacks keeps its own place. */
static void
merge_order (GrMapStyle *style, const int position[GR_N_ROLES])
{
  GrRole stored[GR_N_ROLES];
  guint  n_stored = 0, next = 0;

  for (int p = 0; p < GR_N_ROLES; p++)
    for (guint i = 0; i < style->n_order; i++)
      if (position[style->order[i]] == p)
        stored[n_stored++] = style->order[i];
  for (guint i = 0; i < style->n_order; i++)
    if (position[style->order[i]] >= 0)
      style->order[i] = stored[next++];
}

/**
 * gr_project_style_load:
 * @style: set to the defaults, then to what the file keeps
 *
 * Returns: %FALSE with @error set when the file cannot be read; a project
 *   that never kept a style has the default one.
 */
gboolean
gr_project_style_load (const char *path, GrMapStyle *style, GError **error)
{
  g_autoptr (GrDb) db = NULL;
  g_autoptr (GrDbResult) result = NULL;
  g_autoptr (GError) local = NULL;
  int position[GR_N_ROLES];

  gr_map_style_init (style);
  if ((db = open_file (path, FALSE, error)) == NULL)
    return FALSE;
  if (!gr_db_has_table (db, "gr_layer_styles"))
    return TRUE;
  for (guint r = 0; r < GR_N_ROLES; r++)
    position[r] = -1;
  result = gr_db_query (db,
                        "SELECT role, position, color, opacity, visible, labels "
                        "FROM gr_layer_styles ORDER BY position",
                        NULL, 0, &local);
  if (result == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _ ("%s: cannot read the layer styles (%s)"), gr_db_get_label (db),
                   local->message);
      return FALSE;
    }
  while (gr_db_result_next (result))
    {
      g_autofree char *role_name = gr_db_result_dup_text (result, 0);
      g_autofree char *color = gr_db_result_dup_text (result, 2);
      GrRole           role;
      double           rgb[3];

      if (!gr_role_from_string (role_name, &role))
        continue;
      position[role] = CLAMP (gr_db_result_get_int (result, 1, 0), 0, GR_N_ROLES - 1);
      if (parse_color (color, rgb))
        gr_map_style_set_color (style, role, rgb);
      style->opacity[role] = CLAMP (gr_db_result_get_real (result, 3, 1), 0, 1);
      style->hidden[role] = gr_db_result_get_int (result, 4, 1) == 0;
      style->labels[role] =
          gr_db_result_get_int (result, 5, 0) != 0 && gr_map_style_can_label (role);
    }
  merge_order (style, position);
  return TRUE;
}

/* Replaces the kept style with @style, in one transaction. */
gboolean
gr_project_style_save (const char *path, const GrMapStyle *style, GError **error)
{
  static const char sqlite_schema[] =
      "CREATE TABLE IF NOT EXISTS gr_layer_styles (role TEXT PRIMARY KEY, position INTEGER NOT "
      "NULL, color TEXT, opacity REAL NOT NULL, visible INTEGER NOT NULL, labels INTEGER NOT "
      "NULL);"
      "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
      "  VALUES ('gr_layer_styles', 'attributes', 'gr_layer_styles', 'Greenreach layer styles');";
  static const char postgres_schema[] =
      "CREATE TABLE IF NOT EXISTS gr_layer_styles (role TEXT PRIMARY KEY, position INTEGER NOT "
      "NULL, color TEXT, opacity DOUBLE PRECISION NOT NULL, visible INTEGER NOT NULL, labels "
      "INTEGER NOT NULL)";
  g_autoptr (GrDb) db = NULL;
  g_autoptr (GError) local = NULL;
  gboolean ok;

  if ((db = open_file (path, TRUE, error)) == NULL)
    return FALSE;
  ok = gr_db_begin (db, &local)
       && (gr_db_get_kind (db) == GR_DB_SQLITE ? gr_db_exec (db, sqlite_schema, &local)
           : gr_db_has_table (db, "gr_layer_styles")
               ? TRUE
               : gr_db_exec (db, "SELECT pg_advisory_xact_lock (hashtext (current_schema ()))",
                             &local)
                     && gr_db_exec (db, postgres_schema, &local))
       && gr_db_exec (db, "DELETE FROM gr_layer_styles", &local);
  for (guint i = 0; ok && i < style->n_order; i++)
    {
      GrRole    role = style->order[i];
      char      color[8];
      double    rgb[3];
      GrDbValue values[6];

      gr_map_style_get_color (style, role, rgb);
      g_snprintf (color, sizeof color, "#%02x%02x%02x", (int) (rgb[0] * 255 + 0.5),
                  (int) (rgb[1] * 255 + 0.5), (int) (rgb[2] * 255 + 0.5));
      values[0] = GR_DB_TEXT (gr_role_to_string (role));
      values[1] = GR_DB_INT (i);
      values[2] = style->recoloured[role] ? GR_DB_TEXT (color) : GR_DB_NULL;
      values[3] = GR_DB_REAL (style->opacity[role]);
      values[4] = GR_DB_INT (!style->hidden[role]);
      values[5] = GR_DB_INT (style->labels[role]);
      ok = gr_db_run (db, "INSERT INTO gr_layer_styles VALUES (?1, ?2, ?3, ?4, ?5, ?6)", values,
                      G_N_ELEMENTS (values), &local);
    }
  ok = ok && gr_db_commit (db, &local);
  if (!ok)
    {
      gr_db_rollback (db);
      g_set_error (error, GR_PROJECT_ERROR, local->code,
                   _ ("%s: cannot keep the layer styles (%s)"), gr_db_get_label (db),
                   local->message);
    }
  return ok;
}
