/* gr-preferences.c — the preferences window
 *
 * Every row writes straight to GSettings; the map windows listen to the
 * settings, so a change shows at once. Addresses and keys apply when the
 * row's apply button is pressed, not on every keystroke. The distances and
 * sizes are bounded by the limits the analysis checks (gr-criteria.h).
 */
#include "config.h"

#include "gr-preferences.h"

#include "gr-criteria.h"
#include "gr-settings.h"

#include <glib/gi18n.h>

struct _GrPreferences
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow   *base_map;
  AdwActionRow  *mbtiles_row;
  AdwEntryRow   *tianditu_key;
  AdwEntryRow   *tile_url;
  GtkSpinButton *green_radius;
  GtkSpinButton *park_radius;
  GtkSpinButton *green_min_area;
  GtkSpinButton *park_min_area;
};

G_DEFINE_FINAL_TYPE (GrPreferences, gr_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's order: the settings' nicks of the base maps. */
static const char *const base_map_nicks[] = { "mbtiles", "openstreetmap", "tianditu", "custom",
                                              "none" };

static gboolean
choice_from_setting (GValue *value, GVariant *variant, gpointer data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (base_map_nicks); i++)
    if (g_strcmp0 (nick, base_map_nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_to_setting (const GValue *value, const GVariantType *type, gpointer data)
{
  guint i = g_value_get_uint (value);

  return i < G_N_ELEMENTS (base_map_nicks) ? g_variant_new_string (base_map_nicks[i]) : NULL;
}

static void
on_entry_apply (AdwEntryRow *row, GrPreferences *self)
{
  const char *key = row == self->tianditu_key ? "tianditu-key" : "tile-url";

  g_settings_set_string (gr_settings_get (), key, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
show_mbtiles_path (GrPreferences *self)
{
  g_autofree char *path = g_settings_get_string (gr_settings_get (), "mbtiles-path");

  adw_action_row_set_subtitle (self->mbtiles_row,
                               path[0] != '\0' ? path : _ ("The sample city's base map"));
}

static void
on_mbtiles_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  GrPreferences *self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (gr_settings_get (), "mbtiles-path", path);
      show_mbtiles_path (self);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_choose_mbtiles (GrPreferences *self)
{
  GtkFileChooserNative *dialog =
      gtk_file_chooser_native_new (_ ("Choose an MBTiles Base Map"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("MBTiles files"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_mbtiles_chosen), g_object_ref (self));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_reset_mbtiles (GrPreferences *self)
{
  g_settings_reset (gr_settings_get (), "mbtiles-path");
  show_mbtiles_path (self);
}

static void
gr_preferences_class_init (GrPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/cn/greenreach/Greenreach/dialogs/gr-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, GrPreferences, base_map);
  gtk_widget_class_bind_template_child (widget_class, GrPreferences, mbtiles_row);
  gtk_widget_class_bind_template_child (widget_class, GrPreferences, tianditu_key);
  gtk_widget_class_bind_template_child (widget_class, GrPreferences, tile_url);
  gtk_widget_class_bind_template_child (widget_class, GrPreferences, green_radius);
  gtk_widget_class_bind_template_child (widget_class, GrPreferences, park_radius);
  gtk_widget_class_bind_template_child (widget_class, GrPreferences, green_min_area);
  gtk_widget_class_bind_template_child (widget_class, GrPreferences, park_min_area);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_mbtiles);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_mbtiles);
}

/* A spin button between @min and @max, bound to the setting @key. */
static void
bind_number (GtkSpinButton *spin, const char *key, double min, double max)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

  gtk_adjustment_set_lower (adjustment, min);
  gtk_adjustment_set_upper (adjustment, max);
  gtk_spin_button_set_digits (spin, 0);
  g_settings_bind (gr_settings_get (), key, spin, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
gr_preferences_init (GrPreferences *self)
{
  GSettings       *settings = gr_settings_get ();
  g_autofree char *key = g_settings_get_string (settings, "tianditu-key");
  g_autofree char *url = g_settings_get_string (settings, "tile-url");

  gtk_widget_init_template (GTK_WIDGET (self));
  g_settings_bind_with_mapping (settings, "base-map", self->base_map, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_from_setting, choice_to_setting,
                                NULL, NULL);
  show_mbtiles_path (self);
  gtk_editable_set_text (GTK_EDITABLE (self->tianditu_key), key);
  gtk_editable_set_text (GTK_EDITABLE (self->tile_url), url);
  bind_number (self->green_radius, "green-radius", GR_CRITERIA_RADIUS_MIN, GR_CRITERIA_RADIUS_MAX);
  bind_number (self->park_radius, "park-radius", GR_CRITERIA_RADIUS_MIN, GR_CRITERIA_RADIUS_MAX);
  bind_number (self->green_min_area, "green-min-area", GR_CRITERIA_MIN_AREA_MIN,
               GR_CRITERIA_GREEN_MIN_AREA_MAX);
  bind_number (self->park_min_area, "park-min-area", GR_CRITERIA_MIN_AREA_MIN,
               GR_CRITERIA_PARK_MIN_AREA_MAX);
}

GtkWindow *
gr_preferences_new (GtkWindow *parent)
{
  return g_object_new (GR_TYPE_PREFERENCES, "transient-for", parent, NULL);
}
