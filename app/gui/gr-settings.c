/* gr-settings.c — the user's preferences (GSettings)
 *
 * The schema is looked up where GSettings looks (GSETTINGS_SCHEMA_DIR
 * first, which `meson devenv` and the tests point at the build tree's), then
 * in the copy compiled into the program's own data folder, for an install
 * whose system schemas have not been recompiled yet.
 */
#include "config.h"

#include "gr-settings.h"

static GSettingsSchema *
lookup_schema (void)
{
  g_autoptr (GSettingsSchemaSource) source = NULL;
  GSettingsSchemaSource *system = g_settings_schema_source_get_default ();
  GSettingsSchema       *schema;

  if (system != NULL && (schema = g_settings_schema_source_lookup (system, APP_ID, TRUE)) != NULL)
    return schema;
  source = g_settings_schema_source_new_from_directory (PKGDATADIR "/schemas", system, FALSE, NULL);
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, FALSE)) != NULL)
    return schema;
  return NULL;
}

/**
 * gr_settings_get:
 *
 * Returns: (transfer none): the program's settings, one object for the
 * whole process.
 */
GSettings *
gr_settings_get (void)
{
  static GSettings *settings;

  if (g_once_init_enter (&settings))
    {
      g_autoptr (GSettingsSchema) schema = lookup_schema ();
      GSettings *made;

      if (schema == NULL)
        g_error ("The settings schema %s is not installed", APP_ID);
      made = g_settings_new_full (schema, NULL, NULL);
      g_once_init_leave (&settings, made);
    }
  return settings;
}
