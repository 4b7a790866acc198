/* test-defaults.c — the park-city defaults of gr-defaults.h are the ones
 * the settings schema and the CLI's help state
 */
#include "gr-rules.h"

#include <string.h>

typedef struct
{
  GHashTable *defaults; /* key name → default text */
  char       *key;      /* the key being read */
  gboolean    in_default;
} SchemaReader;

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
  reader->in_default = g_str_equal (element, "default") && reader->key != NULL;
}

static void
end_element (GMarkupParseContext *context,
             const char          *element,
             gpointer             data,
             GError             **error)
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

/* The schema's <default> of every key, as text. */
static GHashTable *
read_schema_defaults (void)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources",
                                                 "cn.greenreach.Greenreach.gschema.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  SchemaReader reader = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), NULL, FALSE };

  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_no_error (error);
  g_free (reader.key);
  return reader.defaults;
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
  g_autoptr (GHashTable) schema = read_schema_defaults ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      const char *text = g_hash_table_lookup (schema, defaults[i].key);
      char *end = NULL;

      g_test_message ("%s", defaults[i].key);
      g_assert_nonnull (text);
      g_assert_cmpfloat (g_ascii_strtod (text, &end), ==, defaults[i].value);
      g_assert_cmpstr (end, ==, "");
    }
}

/* Each option's help ends in "(default N)" with the header's N. */
static void
test_cli_help (void)
{
  const char *cli = g_getenv ("GREENREACH_CLI");
  const char *argv[] = { cli, "analyze", "--help", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("GREENREACH_CLI is not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autofree char *option = g_strdup_printf ("--%s=", defaults[i].key);
      g_autofree char *stated = g_strdup_printf ("(default %g)", defaults[i].value);
      const char *line = strstr (out, option);
      const char *eol;

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
  g_test_add_func ("/defaults/cli-help", test_cli_help);
  return g_test_run ();
}
