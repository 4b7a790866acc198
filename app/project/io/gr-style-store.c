/* gr-style-store.c — how the project's layers are drawn, a table of its
 * GeoPackage (gr_layer_styles): each layer's place in the drawing order,
 * its colour when the user chose one, opacity, visibility and names
 *
 * A project opened again looks as it was left; layers the table does not
 * know (a role added since) keep their default style and place.
 */
#include "config.h"

#include "gr-style-store.h"

#include "gr-project-file.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static sqlite3 *
open_file (const char *path, gboolean write, GError **error)
{
  g_autofree char *read_only = g_strdup_printf (
      _ ("%s: the file or its folder is read-only: the layer styles cannot be kept"), path);

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
  sqlite3      *db;
  sqlite3_stmt *stmt = NULL;
  int           position[GR_N_ROLES], rc = SQLITE_DONE;

  gr_map_style_init (style);
  if ((db = open_file (path, FALSE, error)) == NULL)
    return FALSE;
  for (guint r = 0; r < GR_N_ROLES; r++)
    position[r] = -1;
  if (sqlite3_prepare_v2 (db,
                          "SELECT role, position, color, opacity, visible, labels "
                          "FROM gr_layer_styles ORDER BY position",
                          -1, &stmt, NULL)
      == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        GrRole role;
        double rgb[3];

        if (!gr_role_from_string ((const char *) sqlite3_column_text (stmt, 0), &role))
          continue;
        position[role] = CLAMP (sqlite3_column_int (stmt, 1), 0, GR_N_ROLES - 1);
        if (parse_color ((const char *) sqlite3_column_text (stmt, 2), rgb))
          gr_map_style_set_color (style, role, rgb);
        style->opacity[role] = CLAMP (sqlite3_column_double (stmt, 3), 0, 1);
        style->hidden[role] = sqlite3_column_int (stmt, 4) == 0;
        style->labels[role] = sqlite3_column_int (stmt, 5) != 0 && gr_map_style_can_label (role);
      }
  else if (strstr (sqlite3_errmsg (db), "no such table") == NULL)
    rc = SQLITE_ERROR;
  if (rc != SQLITE_DONE)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                 _ ("%s: cannot read the layer styles (%s)"), path, sqlite3_errmsg (db));
  else
    merge_order (style, position);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rc == SQLITE_DONE;
}

/* Replaces the kept style with @style, in one transaction. */
gboolean
gr_project_style_save (const char *path, const GrMapStyle *style, GError **error)
{
  static const char schema[] =
      "PRAGMA journal_mode = WAL;"
      "CREATE TABLE IF NOT EXISTS gr_layer_styles (role TEXT PRIMARY KEY, position INTEGER NOT "
      "NULL, color TEXT, opacity REAL NOT NULL, visible INTEGER NOT NULL, labels INTEGER NOT "
      "NULL);"
      "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
      "  VALUES ('gr_layer_styles', 'attributes', 'gr_layer_styles', 'Greenreach layer styles');"
      "BEGIN; DELETE FROM gr_layer_styles;";
  sqlite3      *db;
  sqlite3_stmt *stmt = NULL;
  gboolean      ok;

  if ((db = open_file (path, TRUE, error)) == NULL)
    return FALSE;
  ok = sqlite3_exec (db, schema, NULL, NULL, NULL) == SQLITE_OK
       && sqlite3_prepare_v2 (db, "INSERT INTO gr_layer_styles VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1,
                              &stmt, NULL)
              == SQLITE_OK;
  for (guint i = 0; ok && i < style->n_order; i++)
    {
      GrRole role = style->order[i];
      char   color[8];
      double rgb[3];

      gr_map_style_get_color (style, role, rgb);
      g_snprintf (color, sizeof color, "#%02x%02x%02x", (int) (rgb[0] * 255 + 0.5),
                  (int) (rgb[1] * 255 + 0.5), (int) (rgb[2] * 255 + 0.5));
      sqlite3_bind_text (stmt, 1, gr_role_to_string (role), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, i);
      if (style->recoloured[role])
        sqlite3_bind_text (stmt, 3, color, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_double (stmt, 4, style->opacity[role]);
      sqlite3_bind_int (stmt, 5, !style->hidden[role]);
      sqlite3_bind_int (stmt, 6, style->labels[role]);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  ok = ok && sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
  if (!ok)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("%s: cannot keep the layer styles (%s)"), path, sqlite3_errmsg (db));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}
