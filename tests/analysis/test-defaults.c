/* test-defaults.c — the park-city defaults of gr-defaults.h are the ones
 * the settings schema and the CLI's help state, and the limits of
 * gr-criteria.h are the schema's ranges and what gr_criteria_validate()
 * enforces
 */
#include "gr-rules.h"

#include <math.h>
#include <string.h>

typedef struct
{
  GHashTable *defaults; /* key name → default text */
  GHashTable *ranges;   /* key name → GStrv { min, max } */
  char       *key;      /* the key being read */
  gboolean    in_default;
} SchemaReader;

static void
read_range (SchemaReader *reader, const char **names, const char **values)
{
  char **range = g_new0 (char *, 3);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "min") || g_str_equal (names[i], "max"))
      range[g_str_equal (names[i], "max")] = g_strdup (values[i]);
  g_hash_table_insert (reader->ranges, g_strdup (reader->key), range);
}

static void
start_element (GMarkupParseContext *context,
               const char          *element,
               const char         **names,
               const char         **values,
               gpointer             data,
               GError             **error)
{
  SchemaReader *reader = data;

  if (g_str_equal (element, "key"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "name"))
        {
          g_free (reader->key);
          reader->key = g_strdup (values[i]);
        }
  if (g_str_equal (element, "range") && reader->key != NULL)
    read_range (reader, names, values);
  reader->in_default = g_str_equal (element, "default") && reader->key != NULL;
}

static void
end_element (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  SchemaReader *reader = data;

  reader->in_default = FALSE;
  if (g_str_equal (element, "key"))
    g_clear_pointer (&reader->key, g_free);
}

static void
text (GMarkupParseContext *context,
      const char          *content,
      gsize                length,
      gpointer             data,
      GError             **error)
{
  SchemaReader *reader = data;

  if (reader->in_default)
    g_hash_table_insert (reader->defaults, g_strdup (reader->key), g_strndup (content, length));
}

/* The schema's <default> and <range> of every key, as text. */
static SchemaReader
read_schema (void)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autofree char           *path = g_test_build_filename (G_TEST_DIST, "..", "resources",
                                                           "cn.greenreach.Greenreach.gschema.xml", NULL);
  g_autofree char           *xml = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  SchemaReader reader = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                          g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_strfreev),
                          NULL, FALSE };

  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&reader.key, g_free);
  return reader;
}

static void
schema_reader_clear (SchemaReader *reader)
{
  g_hash_table_unref (reader->defaults);
  g_hash_table_unref (reader->ranges);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SchemaReader, schema_reader_clear)

static void
assert_number (const char *text, double value)
{
  char *end = NULL;

  g_assert_nonnull (text);
  g_assert_cmpfloat (g_ascii_strtod (text, &end), ==, value);
  g_assert_cmpstr (end, ==, "");
}

static const struct
{
  const char *key; /* the schema's key and the CLI's option */
  double      value;
} defaults[] = {
  { "green-radius", GR_DEFAULT_GREEN_RADIUS },
  { "park-radius", GR_DEFAULT_PARK_RADIUS },
  { "green-min-area", GR_DEFAULT_GREEN_MIN_AREA },
  { "park-min-area", GR_DEFAULT_PARK_MIN_AREA },
};

static void
test_criteria (void)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  g_assert_cmpfloat (c.green_radius, ==, GR_DEFAULT_GREEN_RADIUS);
  g_assert_cmpfloat (c.park_radius, ==, GR_DEFAULT_PARK_RADIUS);
  g_assert_cmpfloat (c.green_min_area, ==, GR_DEFAULT_GREEN_MIN_AREA);
  g_assert_cmpfloat (c.park_min_area, ==, GR_DEFAULT_PARK_MIN_AREA);
}

static void
test_schema (void)
{
  g_auto (SchemaReader) schema = read_schema ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_test_message ("%s", defaults[i].key);
      assert_number (g_hash_table_lookup (schema.defaults, defaults[i].key), defaults[i].value);
    }
}

/* The limits of gr-criteria.h, the member each one bounds, and whether the
 * schema keeps that criterion. */
static const struct
{
  const char *key; /* the CLI's option, and the schema's key */
  double      min;
  double      max;
  gsize       offset;
  gboolean    in_schema;
} limits[] = {
  { "resolution", GR_CRITERIA_RESOLUTION_MIN, GR_CRITERIA_RESOLUTION_MAX,
    G_STRUCT_OFFSET (GrCriteria, resolution), FALSE },
  { "green-radius", GR_CRITERIA_RADIUS_MIN, GR_CRITERIA_RADIUS_MAX,
    G_STRUCT_OFFSET (GrCriteria, green_radius), TRUE },
  { "park-radius", GR_CRITERIA_RADIUS_MIN, GR_CRITERIA_RADIUS_MAX,
    G_STRUCT_OFFSET (GrCriteria, park_radius), TRUE },
  { "green-min-area", GR_CRITERIA_MIN_AREA_MIN, GR_CRITERIA_GREEN_MIN_AREA_MAX,
    G_STRUCT_OFFSET (GrCriteria, green_min_area), TRUE },
  { "park-min-area", GR_CRITERIA_MIN_AREA_MIN, GR_CRITERIA_PARK_MIN_AREA_MAX,
    G_STRUCT_OFFSET (GrCriteria, park_min_area), TRUE },
  { "access-distance", GR_CRITERIA_DISTANCE_MIN, GR_CRITERIA_DISTANCE_MAX,
    G_STRUCT_OFFSET (GrCriteria, access_distance), FALSE },
  { "attach-distance", GR_CRITERIA_DISTANCE_MIN, GR_CRITERIA_DISTANCE_MAX,
    G_STRUCT_OFFSET (GrCriteria, attach_distance), FALSE },
  { "snap", GR_CRITERIA_SNAP_MIN, GR_CRITERIA_SNAP_MAX, G_STRUCT_OFFSET (GrCriteria, snap), FALSE },
};

static void
test_schema_ranges (void)
{
  g_auto (SchemaReader) schema = read_schema ();

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      char **range = g_hash_table_lookup (schema.ranges, limits[i].key);

      if (!limits[i].in_schema)
        continue;
      g_test_message ("%s", limits[i].key);
      g_assert_nonnull (range);
      assert_number (range[0], limits[i].min);
      assert_number (range[1], limits[i].max);
    }
}

/* Each limit is inclusive; a step past it, or NaN, is refused with the
 * option named. */
static void
test_validate (void)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  g_assert_true (gr_criteria_validate (&c, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      double          *value = &G_STRUCT_MEMBER (double, &c, limits[i].offset);
      double           outside[] = { limits[i].min - 1, limits[i].max + 1, NAN };
      g_autofree char *option = g_strconcat ("--", limits[i].key, NULL);

      g_test_message ("%s", limits[i].key);
      gr_criteria_init_default (&c);
      *value = limits[i].min;
      g_assert_true (gr_criteria_validate (&c, NULL));
      *value = limits[i].max;
      g_assert_true (gr_criteria_validate (&c, NULL));
      for (guint k = 0; k < G_N_ELEMENTS (outside); k++)
        {
          g_autoptr (GError) error = NULL;

          *value = outside[k];
          g_assert_false (gr_criteria_validate (&c, &error));
          g_assert_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_CRITERIA);
          g_assert_nonnull (strstr (error->message, option));
        }
    }
}

/* Each option's help ends in "(default N)" with the header's N. */
static void
test_cli_help (void)
{
  const char      *cli = g_getenv ("GREENREACH_CLI");
  const char      *argv[] = { cli, "analyze", "--help", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("GREENREACH_CLI is not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autofree char *option = g_strdup_printf ("--%s=", defaults[i].key);
      g_autofree char *stated = g_strdup_printf ("(default %g)", defaults[i].value);
      const char      *line = strstr (out, option);
      const char      *eol;

      g_test_message ("%s", defaults[i].key);
      g_assert_nonnull (line);
      eol = strchr (line, '\n');
      g_assert_nonnull (g_strstr_len (line, eol != NULL ? eol - line : -1, stated));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/defaults/criteria", test_criteria);
  g_test_add_func ("/defaults/schema", test_schema);
  g_test_add_func ("/defaults/schema-ranges", test_schema_ranges);
  g_test_add_func ("/defaults/validate", test_validate);
  g_test_add_func ("/defaults/cli-help", test_cli_help);
  return g_test_run ();
}
