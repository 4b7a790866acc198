/* gr-publish.c — a project's results written to a PostGIS schema
 *
 * Tables (in the schema, default "greenreach"; each has an id, and those
 * with a map a geometry column "geom" in the project's CRS, registered with
 * PostGIS by its type modifier so that QGIS lists them):
 *
 *   run               what was published: program, version, project file,
 *                     scenarios, distance mode, radii, grid, targets, time
 *   coverage_regions  touching residential grid cells in one coverage state
 *                     (both / no_park / no_green / neither), with their
 *                     residential land and residents as the analysis counts
 *   blind_spots       a view of the regions not in reach of both
 *   zone_coverage     the city's and each zone's coverage, zones with their
 *                     outline
 *   indicators        every indicator for the city and each zone, against
 *                     the targets, with pass/fail
 *   candidate_parks   the parks each scenario adds, with its review flags
 *   suggested_sites   those of them an accepted site suggestion placed, with
 *                     what each serves on its own
 *
 * Each table has a scenario column, NULL for the baseline. A publish runs in
 * one transaction: it empties the tables and fills them again, so a reader
 * sees the last run or the new one whole, never half of either, and a
 * publish that fails or is killed leaves the last run as it was. Two
 * publishes to one schema take turns (an advisory lock on the schema's
 * name). Names are quoted identifiers and values bound parameters: no name
 * or value is ever spliced into SQL.
 */
#include "config.h"

#include "gr-publish.h"

#include "gr-candidate-rules.h"
#include "gr-coverage-regions.h"
#include "gr-evaluate.h"
#include "gr-park-class.h"
#include "gr-pg.h"
#include "gr-project-file.h"
#include "gr-scenario-store.h"
#include "gr-site-suggestion.h"
#include "gr-targets-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define DOUBLE " double precision"

typedef struct
{
  const char        *name;
  const char *const *columns; /* "name type", after id and before geom */
  gboolean           map;     /* has a MultiPolygon geom */
} Table;

static const char *const run_columns[] = {
  "published_at timestamptz NOT NULL",
  "program text NOT NULL",
  "version text NOT NULL",
  "project text NOT NULL",
  "scenarios text[] NOT NULL",
  "mode text NOT NULL",
  "green_radius_m" DOUBLE,
  "green_min_area_m2" DOUBLE,
  "park_radius_m" DOUBLE,
  "park_min_area_m2" DOUBLE,
  "resolution_m" DOUBLE,
  "targets text",
  "srid integer",
  NULL,
};
static const char *const region_columns[] = {
  "scenario text",    "state text NOT NULL", "residential_m2" DOUBLE,
  "residents" DOUBLE, "cells integer",       NULL,
};
static const char *const zone_columns[] = {
  "scenario text",
  "zone text",
  "residential_m2" DOUBLE,
  "residents" DOUBLE,
  "green_share" DOUBLE,
  "park_share" DOUBLE,
  "both_share" DOUBLE,
  "neither_share" DOUBLE,
  "service_share" DOUBLE,
  "residents_green_share" DOUBLE,
  "residents_park_share" DOUBLE,
  "residents_both_share" DOUBLE,
  "residents_neither_share" DOUBLE,
  "residents_service_share" DOUBLE,
  NULL,
};
static const char *const indicator_columns[] = {
  "scenario text", "zone text",  "key text NOT NULL", "name text",
  "value" DOUBLE,  "unit text",  "target" DOUBLE,     "comparison text",
  "pass boolean",  "gap" DOUBLE, "note text",         NULL,
};
static const char *const candidate_columns[] = {
  "scenario text NOT NULL",
  "name text",
  "class text",
  "area_m2" DOUBLE,
  "review text",
  "expert_review boolean",
  "public_disclosure boolean",
  "not_pocket_park boolean",
  "over_buildings boolean",
  "over_water boolean",
  "suggested boolean",
  NULL,
};
static const char *const suggested_columns[] = {
  "scenario text NOT NULL",
  "name text",
  "area_m2" DOUBLE,
  "blind_spot_residents" DOUBLE,
  "park_residents" DOUBLE,
  "service_residents" DOUBLE,
  NULL,
};

enum
{
  T_REGIONS,
  T_ZONES,
  T_INDICATORS,
  T_CANDIDATES,
  T_SUGGESTED,
  T_RUN, /* last: its rows say a run is complete */
  N_TABLES
};

static const Table tables[N_TABLES] = {
  [T_REGIONS] = { "coverage_regions", region_columns, TRUE },
  [T_ZONES] = { "zone_coverage", zone_columns, TRUE },
  [T_INDICATORS] = { "indicators", indicator_columns, FALSE },
  [T_CANDIDATES] = { "candidate_parks", candidate_columns, TRUE },
  [T_SUGGESTED] = { "suggested_sites", suggested_columns, TRUE },
  [T_RUN] = { "run", run_columns, FALSE },
};

typedef struct
{
  PGconn          *conn;
  char            *schema; /* quoted */
  const char      *schema_name;
  int              srid;
  GrPublishCounts *counts;
} Publish;

/* One row's values, as text (NULL for SQL NULL), and its geometry. */
typedef struct
{
  GPtrArray *values;
  guchar    *wkb;
  int        wkb_size;
} Row;

static void
row_init (Row *row)
{
  row->values = g_ptr_array_new_with_free_func (g_free);
  row->wkb = NULL;
  row->wkb_size = 0;
}

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->values, g_ptr_array_unref);
  g_clear_pointer (&row->wkb, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
row_text (Row *row, const char *text)
{
  g_ptr_array_add (row->values, text != NULL ? g_utf8_make_valid (text, -1) : NULL);
}

static void
row_number (Row *row, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ptr_array_add (row->values, isfinite (value)
                                    ? g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value))
                                    : NULL);
}

static void
row_bool (Row *row, gboolean value)
{
  g_ptr_array_add (row->values, g_strdup (value ? "t" : "f"));
}

/* The geometry as 2D ISO WKB, made a MultiPolygon by the statement. */
static void
row_geometry (Row *row, OGRGeometryH geometry)
{
  OGRGeometryH flat;

  if (geometry == NULL)
    return;
  flat = OGR_G_Clone (geometry);
  OGR_G_FlattenTo2D (flat);
  row->wkb_size = OGR_G_WkbSize (flat);
  row->wkb = g_malloc (row->wkb_size);
  OGR_G_ExportToIsoWkb (flat, wkbNDR, row->wkb);
  OGR_G_DestroyGeometry (flat);
}

static gboolean
refused (PGresult *result, const char *table, GError **error)
{
  g_autofree char *why = g_strdup (PQresultErrorMessage (result));

  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
               _ ("the database refused to write table “%s”: %s"), table, g_strstrip (why));
  return FALSE;
}

static char *
qualified (const Publish *p, const char *table)
{
  g_autofree char *name = gr_pg_quote_identifier (p->conn, table);

  return g_strconcat (p->schema, ".", name, NULL);
}

/* The statement that inserts one row of @t, prepared once per publish. */
static gboolean
prepare_insert (Publish *p, guint t, GError **error)
{
  const Table     *table = &tables[t];
  g_autofree char *target = qualified (p, table->name);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GString) params = g_string_new (NULL);
  g_autofree char *statement = g_strdup_printf ("insert_%s", table->name);
  g_autoptr (PGresult) result = NULL;
  guint n = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", target);
  for (; table->columns[n] != NULL; n++)
    {
      g_string_append_printf (sql, "%s%.*s", n > 0 ? ", " : "",
                              (int) strcspn (table->columns[n], " "), table->columns[n]);
      g_string_append_printf (params, "%s$%u", n > 0 ? ", " : "", n + 1);
    }
  if (table->map)
    {
      g_string_append (sql, ", geom");
      g_string_append_printf (params, ", ST_Multi(ST_GeomFromWKB($%u::bytea, %d))", n + 1, p->srid);
    }
  g_string_append_printf (sql, ") VALUES (%s)", params->str);
  result = PQprepare (p->conn, statement, sql->str, 0, NULL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    return refused (result, table->name, error);
  return TRUE;
}

static gboolean
insert (Publish *p, guint t, const Row *row, GError **error)
{
  const Table            *table = &tables[t];
  guint                   n = row->values->len + (table->map ? 1 : 0);
  g_autofree const char **values = g_new0 (const char *, n);
  g_autofree int         *lengths = g_new0 (int, n);
  g_autofree int         *formats = g_new0 (int, n);
  g_autofree char        *statement = g_strdup_printf ("insert_%s", table->name);
  g_autoptr (PGresult) result = NULL;

  for (guint i = 0; i < row->values->len; i++)
    values[i] = g_ptr_array_index (row->values, i);
  if (table->map)
    {
      values[n - 1] = (const char *) row->wkb;
      lengths[n - 1] = row->wkb_size;
      formats[n - 1] = 1;
    }
  result = PQexecPrepared (p->conn, statement, n, values, lengths, formats, 0);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    return refused (result, table->name, error);
  return TRUE;
}

/* The SRID a table's geom column has, or 0 (none, or no table). */
static int
table_srid (Publish *p, const char *table)
{
  const char *params[] = { p->schema_name, table };
  g_autoptr (PGresult) result = PQexecParams (
      p->conn,
      "SELECT srid FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2 "
      "AND f_geometry_column = 'geom'",
      2, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) == 0)
    return 0;
  return atoi (PQgetvalue (result, 0, 0));
}

static gboolean
relation_exists (Publish *p, const char *name)
{
  g_autofree char *table = qualified (p, name);
  const char      *params[] = { table };
  g_autoptr (PGresult) result =
      PQexecParams (p->conn, "SELECT to_regclass($1) IS NOT NULL", 1, NULL, params, NULL, NULL, 0);

  return PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1
         && g_str_equal (PQgetvalue (result, 0, 0), "t");
}

/* Creates the tables a first publish needs, and again those a project in
 * another CRS had made; then prepares their inserts. */
static gboolean
create_tables (Publish *p, GError **error)
{
  g_autofree char *regions = qualified (p, "coverage_regions");
  g_autofree char *view = qualified (p, "blind_spots");
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("CREATE SCHEMA IF NOT EXISTS %s", p->schema);
  if (!gr_pg_exec (p->conn, sql, error))
    return FALSE;
  for (guint t = 0; t < N_TABLES; t++)
    {
      const Table     *table = &tables[t];
      g_autofree char *target = qualified (p, table->name);
      g_autofree char *columns = g_strjoinv (", ", (char **) table->columns);
      int              srid = table->map ? table_srid (p, table->name) : 0;

      if (srid != 0 && srid != p->srid)
        {
          g_free (sql);
          sql = g_strdup_printf ("DROP TABLE %s CASCADE", target);
          if (!gr_pg_exec (p->conn, sql, error))
            return FALSE;
        }
      g_free (sql);
      if (table->map)
        sql = g_strdup_printf ("CREATE TABLE IF NOT EXISTS %s (id serial PRIMARY KEY, %s, "
                               "geom geometry(MultiPolygon, %d))",
                               target, columns, p->srid);
      else
        sql = g_strdup_printf ("CREATE TABLE IF NOT EXISTS %s (id serial PRIMARY KEY, %s)", target,
                               columns);
      /* The run's insert is prepared when it is written: preparing takes
       * a lock on its table, which a reader may hold. */
      if (!gr_pg_exec (p->conn, sql, error) || (t != T_RUN && !prepare_insert (p, t, error)))
        return FALSE;
    }
  /* The view only when it is not there (a first publish, or its table
   * made again): replacing it would lock out its readers until the
   * publish commits. */
  if (relation_exists (p, "blind_spots"))
    return TRUE;
  g_free (sql);
  sql = g_strdup_printf ("CREATE VIEW %s AS SELECT * FROM %s WHERE state <> 'both'", view, regions);
  return gr_pg_exec (p->conn, sql, error);
}

/* Empties @t, or waits until no one else holds it. */
static gboolean
empty_table (Publish *p, guint t, GError **error)
{
  g_autofree char *target = qualified (p, tables[t].name);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", target);

  return gr_pg_exec (p->conn, sql, error);
}

/* ---- one option: the baseline or a scenario -------------------------------- */

typedef struct
{
  const char     *scenario; /* NULL: the baseline */
  GrProject      *project;
  GrAnalysis     *analysis;
  GArray         *refs;
  GrTargetSet     set;
  const GrTarget *targets; /* the set's, or the project's own */
} Option;

static gboolean
write_regions (Publish *p, const Option *o, GError **error)
{
  g_autoptr (GPtrArray) regions = gr_coverage_regions (o->analysis, error);

  if (regions == NULL)
    return FALSE;
  for (guint i = 0; i < regions->len; i++)
    {
      const GrCoverageRegion *r = g_ptr_array_index (regions, i);
      g_auto (Row) row;

      row_init (&row);
      row_text (&row, o->scenario);
      row_text (&row, gr_coverage_state_get_key (r->state));
      row_number (&row, r->residential_m2);
      row_number (&row, r->residents);
      row_number (&row, r->cells);
      row_geometry (&row, r->geometry);
      if (!insert (p, T_REGIONS, &row, error))
        return FALSE;
    }
  p->counts->regions += regions->len;
  return TRUE;
}

static double
share (double part, double whole)
{
  return whole > 0 ? part / whole : NAN;
}

static void
row_shares (Row *row, const GrSummary *s, gboolean people)
{
  const GrAmount *parts[] = { &s->green, &s->park, &s->both, &s->neither, &s->service };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    row_number (row, people ? share (parts[i]->population, s->residential.population)
                            : share (parts[i]->area_m2, s->residential.area_m2));
}

static gboolean
write_zone (Publish *p, const Option *o, int zone, GError **error)
{
  GrLayer         *zones = o->project->layers[GR_ROLE_ZONES];
  g_autofree char *name = zone > 0 ? gr_project_zone_name (o->project, zone) : NULL;
  g_auto (Row) row;
  GrSummary s;

  gr_analysis_summarize (o->analysis, zone, &s);
  row_init (&row);
  row_text (&row, o->scenario);
  row_text (&row, name);
  row_number (&row, s.residential.area_m2);
  row_number (&row, s.residential.population);
  row_shares (&row, &s, FALSE);
  row_shares (&row, &s, TRUE);
  if (zone > 0)
    row_geometry (&row, ((GrFeature *) g_ptr_array_index (zones->features, zone - 1))->geometry);
  if (!insert (p, T_ZONES, &row, error))
    return FALSE;
  p->counts->zones++;
  return TRUE;
}

static gboolean
write_indicators (Publish *p, const Option *o, int zone, GError **error)
{
  g_autofree char *name = zone > 0 ? gr_project_zone_name (o->project, zone) : NULL;
  GrIndicators     in;
  gboolean         ok = TRUE;

  gr_indicators_compute_with (&in, o->project, o->analysis, zone, o->set, o->targets);
  for (guint i = 0; ok && i < GR_N_INDICATORS; i++)
    {
      const GrIndicator *it = &in.items[i];
      gboolean           judged = it->has_target && isfinite (it->value);
      g_auto (Row) row;

      row_init (&row);
      row_text (&row, o->scenario);
      row_text (&row, name);
      row_text (&row, gr_indicator_get_key (i));
      row_text (&row, gr_indicator_get_name (i));
      row_number (&row, it->value);
      row_text (&row, gr_indicator_get_unit (i));
      row_number (&row, it->has_target ? it->target : NAN);
      row_text (&row, !it->has_target ? NULL : it->strict ? ">" : ">=");
      if (judged)
        row_bool (&row, it->pass);
      else
        row_text (&row, NULL);
      row_number (&row, judged ? it->gap : NAN);
      row_text (&row, it->missing != NULL ? it->missing : it->gap_text);
      ok = insert (p, T_INDICATORS, &row, error);
      p->counts->indicators += ok;
    }
  gr_indicators_clear (&in);
  return ok;
}

static gboolean
write_candidates (Publish      *p,
                  const Option *o,
                  GrScenario   *scenario,
                  GrProject    *baseline,
                  GError      **error)
{
  g_autoptr (GPtrArray) candidates = gr_scenario_candidate_parks (scenario, baseline, o->project);
  g_autoptr (GArray) picked = gr_scenario_suggested_parks (scenario, baseline, candidates);
  g_autoptr (GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) shares = NULL;
  g_autofree gboolean *suggested = g_new0 (gboolean, candidates->len + 1);
  guint                n_parks = o->project->layers[GR_ROLE_PARK] != NULL
                                     ? o->project->layers[GR_ROLE_PARK]->features->len
                                     : 0;

  for (guint k = 0; k < picked->len; k++)
    {
      guint i = g_array_index (picked, guint, k);
      guint index = n_parks - candidates->len + i;

      suggested[i] = TRUE;
      g_array_append_val (indices, index);
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      GrFeature       *f = g_ptr_array_index (candidates, i);
      double           area = OGR_G_Area (f->geometry);
      GrCandidateFlags flags = gr_candidate_flags (baseline, f->geometry, f->kind);
      g_autofree char *review = gr_candidate_flags_describe (flags);
      GrParkClass      c = gr_park_class_from_kind (f->kind, area, NULL);
      g_auto (Row) row;

      row_init (&row);
      row_text (&row, o->scenario);
      row_text (&row, f->name);
      row_text (&row, gr_park_class_get_code (c));
      row_number (&row, area);
      row_text (&row, review);
      row_bool (&row, (flags & GR_FLAG_EXPERT_REVIEW) != 0);
      row_bool (&row, (flags & GR_FLAG_PUBLIC_DISCLOSURE) != 0);
      row_bool (&row, (flags & GR_FLAG_NOT_POCKET_PARK) != 0);
      row_bool (&row, (flags & GR_FLAG_OVER_BUILDINGS) != 0);
      row_bool (&row, (flags & GR_FLAG_OVER_WATER) != 0);
      row_bool (&row, suggested[i]);
      row_geometry (&row, f->geometry);
      if (!insert (p, T_CANDIDATES, &row, error))
        return FALSE;
      p->counts->candidates++;
    }
  if (indices->len == 0)
    return TRUE;
  shares = gr_site_shares (o->project, o->analysis, o->refs, (const guint *) indices->data,
                           indices->len);
  for (guint k = 0; k < picked->len; k++)
    {
      GrFeature           *f = g_ptr_array_index (candidates, g_array_index (picked, guint, k));
      const GrSuggestGain *gain = &g_array_index (shares, GrSuggestGain, k);
      g_auto (Row) row;

      row_init (&row);
      row_text (&row, o->scenario);
      row_text (&row, f->name);
      row_number (&row, OGR_G_Area (f->geometry));
      row_number (&row, gain->blind_spots.population);
      row_number (&row, gain->park.population);
      row_number (&row, gain->service.population);
      row_geometry (&row, f->geometry);
      if (!insert (p, T_SUGGESTED, &row, error))
        return FALSE;
      p->counts->suggested++;
    }
  return TRUE;
}

static gboolean
write_option (Publish          *p,
              Option           *o,
              GrScenario       *scenario,
              GrProject        *baseline,
              const GrCriteria *criteria,
              GError          **error)
{
  guint n_zones;

  o->refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  if ((o->analysis = gr_project_build_analysis (o->project, criteria, o->refs, error)) == NULL
      || !write_regions (p, o, error) || !write_zone (p, o, -1, error)
      || !write_indicators (p, o, -1, error))
    return FALSE;
  n_zones = gr_project_get_n_zones (o->project);
  for (guint z = 1; z <= n_zones; z++)
    if (!write_zone (p, o, z, error) || !write_indicators (p, o, z, error))
      return FALSE;
  return scenario == NULL || write_candidates (p, o, scenario, baseline, error);
}

static void
option_clear (Option *o, GrProject *baseline)
{
  g_clear_pointer (&o->analysis, gr_analysis_free);
  g_clear_pointer (&o->refs, g_array_unref);
  if (o->project != baseline)
    g_clear_pointer (&o->project, gr_project_free);
  o->project = NULL;
}

static gboolean
write_run (Publish *p, const GrPublishOptions *options, const GrCriteria *criteria, GError **error)
{
  g_autofree char *name = gr_project_file_get_name (options->project);
  g_autoptr (GString) names = g_string_new ("{");
  g_autoptr (GDateTime) time = g_date_time_new_now_utc ();
  g_autofree char *now = g_date_time_format_iso8601 (time);
  g_auto (Row) row;

  /* A text[] literal: each name double-quoted, its quotes and backslashes
   * escaped (a bound value all the same). */
  for (guint i = 0; options->scenarios != NULL && options->scenarios[i] != NULL; i++)
    {
      g_string_append (names, i > 0 ? ",\"" : "\"");
      for (const char *c = options->scenarios[i]; *c; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (names, '\\');
          g_string_append_c (names, *c);
        }
      g_string_append_c (names, '"');
    }
  g_string_append_c (names, '}');
  row_init (&row);
  row_text (&row, now);
  row_text (&row, "Greenreach");
  row_text (&row, PACKAGE_VERSION);
  row_text (&row, name);
  row_text (&row, names->str);
  row_text (&row, criteria->walking ? "walking" : "straight-line");
  row_number (&row, criteria->green_radius);
  row_number (&row, criteria->green_min_area);
  row_number (&row, criteria->park_radius);
  row_number (&row, criteria->park_min_area);
  row_number (&row, criteria->resolution);
  row_text (&row, gr_target_set_get_key (options->targets));
  row_number (&row, p->srid);
  return insert (p, T_RUN, &row, error);
}

static void
report_progress (GrProgressFunc progress, gpointer data, double fraction, const char *what)
{
  if (progress != NULL)
    progress (fraction, what, data);
}

/* Everything, in the transaction @p->conn has open. */
static gboolean
publish_all (Publish                *p,
             const GrPublishOptions *options,
             GrProject              *baseline,
             const GrCriteria       *criteria,
             GrTarget               *custom,
             GrProgressFunc          progress,
             gpointer                progress_data,
             GError                **error)
{
  g_autoptr (GrScenarioStore) store = NULL;
  guint n = options->scenarios != NULL ? g_strv_length ((char **) options->scenarios) : 0;

  if (n > 0
      && (store =
              gr_scenario_store_open (options->project, baseline, GR_SCENARIO_STORE_READ, error))
             == NULL)
    return FALSE;
  if (!create_tables (p, error))
    return FALSE;
  for (guint t = 0; t < N_TABLES; t++)
    if (t != T_RUN && !empty_table (p, t, error))
      return FALSE;
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr (GrScenario) scenario = NULL;
      g_autofree char *what = g_strdup_printf (_ ("Publishing %s…"),
                                               i == 0 ? _ ("Baseline") : options->scenarios[i - 1]);
      Option           o = { i > 0 ? options->scenarios[i - 1] : NULL };
      gboolean         ok;

      o.set = options->targets;
      o.targets = options->targets == GR_TARGETS_PROJECT
                      ? custom
                      : gr_target_set_get_targets (options->targets);
      report_progress (progress, progress_data, (double) i / (n + 1), what);
      if (i > 0
          && (scenario = gr_scenario_store_find (store, options->scenarios[i - 1], error)) == NULL)
        return FALSE;
      o.project = scenario != NULL ? gr_scenario_apply (scenario, baseline) : baseline;
      ok = write_option (p, &o, scenario, baseline, criteria, error);
      option_clear (&o, baseline);
      if (!ok)
        return FALSE;
      for (guint k = 0;
           scenario != NULL && options->left_out != NULL && k < scenario->left_out->len; k++)
        g_ptr_array_add (options->left_out, g_strdup (g_ptr_array_index (scenario->left_out, k)));
    }
  /* The run's row last, so that a publish waiting on a reader of "run"
   * has written everything else in its transaction first. */
  return empty_table (p, T_RUN, error) && prepare_insert (p, T_RUN, error)
         && write_run (p, options, criteria, error);
}

/**
 * gr_publish:
 * @connection: PG:… in GDAL's syntax (tables= and the like are ignored)
 * @counts: (out) (optional): what was written
 *
 * Publishes the baseline and the scenarios of @options to the schema,
 * replacing the last publish there in one transaction.
 *
 * Returns: %FALSE with @error (naming the connection without its
 *   password) when the project could not be read or the database refused;
 *   the schema then holds the last publish unchanged
 */
gboolean
gr_publish (const GrPublishOptions *options,
            const char             *connection,
            GrPublishCounts        *counts,
            GrProgressFunc          progress,
            gpointer                progress_data,
            GError                **error)
{
  g_autoptr (GrProject) baseline = gr_project_load (options->project, error);
  g_autoptr (PGconn) conn = NULL;
  GrPublishCounts  none;
  GrTarget         custom[GR_N_INDICATORS];
  GrCriteria       criteria;
  Publish          p = { 0 };
  g_autofree char *shown = gr_pg_redact_connection (connection);
  g_autofree char *lock = NULL;
  gboolean         ok;

  p.counts = counts != NULL ? counts : &none;
  memset (p.counts, 0, sizeof *p.counts);
  if (baseline == NULL)
    return FALSE;
  if (options->criteria != NULL)
    criteria = *options->criteria;
  else
    gr_criteria_init_default (&criteria);
  if (options->targets == GR_TARGETS_PROJECT
      && !gr_project_targets_load (options->project, custom, error))
    return FALSE;
  if (baseline->epsg <= 0)
    {
      g_autofree char *project = gr_pg_redact_connection (options->project);

      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: the project's CRS (%s) has no EPSG code, which PostGIS needs as the "
                      "tables' SRID"),
                   project, baseline->crs_name != NULL ? baseline->crs_name : "?");
      return FALSE;
    }
  report_progress (progress, progress_data, 0, _ ("Connecting to the database…"));
  if ((conn = gr_pg_connect (connection, error)) == NULL)
    return FALSE;
  p.conn = conn;
  p.schema_name = options->schema != NULL ? options->schema : GR_PUBLISH_DEFAULT_SCHEMA;
  p.schema = gr_pg_quote_identifier (conn, p.schema_name);
  p.srid = baseline->epsg;
  /* Two publishes to one schema take turns; readers never wait. */
  lock = g_strconcat ("greenreach publish ", p.schema_name, NULL);
  ok = gr_pg_exec (conn, "BEGIN", error);
  if (ok)
    {
      const char *params[] = { lock };
      g_autoptr (PGresult) locked = PQexecParams (
          conn, "SELECT pg_advisory_xact_lock(hashtext($1))", 1, NULL, params, NULL, NULL, 0);

      if (PQresultStatus (locked) != PGRES_TUPLES_OK)
        {
          g_autofree char *why = g_strdup (PQresultErrorMessage (locked));

          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                       _ ("could not take the publishing lock: %s"), g_strstrip (why));
          ok = FALSE;
        }
    }
  /* Without PostGIS there is no geometry type to write. */
  if (ok)
    {
      g_autoptr (PGresult) postgis =
          PQexec (conn, "SELECT 1 FROM pg_extension WHERE extname = 'postgis'");

      if (PQresultStatus (postgis) != PGRES_TUPLES_OK || PQntuples (postgis) == 0)
        {
          g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                               _ ("the database has no PostGIS extension (CREATE EXTENSION "
                                  "postgis)"));
          ok = FALSE;
        }
    }
  ok = ok && publish_all (&p, options, baseline, &criteria, custom, progress, progress_data, error)
       && gr_pg_exec (conn, "COMMIT", error);
  g_free (p.schema);
  if (!ok)
    {
      PQclear (PQexec (conn, "ROLLBACK"));
      g_prefix_error (error, _ ("%s, schema “%s”: "), shown, p.schema_name);
      memset (p.counts, 0, sizeof *p.counts);
      return FALSE;
    }
  report_progress (progress, progress_data, 1, _ ("Published"));
  return TRUE;
}
