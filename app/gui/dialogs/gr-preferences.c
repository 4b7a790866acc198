/* gr-preferences.c — the preferences window
 *
 * Every row writes straight to GSettings; the map windows listen to the
 * settings, so a change shows at once. Addresses and keys apply when the
 * row's apply button is pressed, not on every keystroke.
 */
#include "config.h"

#include "gr-preferences.h"

#include "gr-settings.h"

#include <glib/gi18n.h>

/* The combo row's order, and the base map each position stands for. */
static const GrBaseMap choices[] = { GR_BASE_MAP_MBTILES, GR_BASE_MAP_OPENSTREETMAP, GR_BASE_MAP_TIANDITU,
                                     GR_BASE_MAP_CUSTOM, GR_BASE_MAP_NONE };

static gboolean
choice_from_setting (GValue *value, GVariant *variant, gpointer data)
{
  const char *nick = g_variant_get_string (variant, NULL);
  static const char *const nicks[] = { "mbtiles", "openstreetmap", "tianditu", "custom", "none" };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (g_strcmp0 (nick, nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_to_setting (const GValue *value, const GVariantType *type, gpointer data)
{
  static const char *const nicks[] = { "mbtiles", "openstreetmap", "tianditu", "custom", "none" };
  guint i = g_value_get_uint (value);

  return i < G_N_ELEMENTS (nicks) ? g_variant_new_string (nicks[i]) : NULL;
}

static void
on_entry_apply (AdwEntryRow *row, gpointer key)
{
  g_settings_set_string (gr_settings_get (), key, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
entry_row (const char *title, const char *key, gboolean secret)
{
  GtkWidget *row = secret ? adw_password_entry_row_new () : adw_entry_row_new ();
  g_autofree char *text = g_settings_get_string (gr_settings_get (), key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (on_entry_apply), (gpointer) key);
  return row;
}

static void
show_mbtiles_path (AdwActionRow *row)
{
  g_autofree char *path = g_settings_get_string (gr_settings_get (), "mbtiles-path");

  adw_action_row_set_subtitle (row, path[0] != '\0' ? path : _("The sample city's base map"));
}

static void
on_mbtiles_chosen (GtkNativeDialog *dialog, int response, gpointer row)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (gr_settings_get (), "mbtiles-path", path);
      show_mbtiles_path (row);
    }
  g_object_unref (dialog);
}

static void
on_choose_mbtiles (GtkButton *button, AdwActionRow *row)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (
    _("Choose an MBTiles Base Map"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("MBTiles files"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_mbtiles_chosen), row);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_reset_mbtiles (GtkButton *button, AdwActionRow *row)
{
  g_settings_reset (gr_settings_get (), "mbtiles-path");
  show_mbtiles_path (row);
}

static GtkWidget *
mbtiles_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("MBTiles file"));
  show_mbtiles_path (ADW_ACTION_ROW (row));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (reset, _("Use the sample city's base map"));
  g_signal_connect (choose, "clicked", G_CALLBACK (on_choose_mbtiles), row);
  g_signal_connect (reset, "clicked", G_CALLBACK (on_reset_mbtiles), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
  return row;
}

static GtkWidget *
number_row (const char *title, const char *subtitle, const char *key, double max, double step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  g_settings_bind (gr_settings_get (), key, spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

GtkWindow *
gr_preferences_new (GtkWindow *parent)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *base = adw_preferences_group_new ();
  GtkWidget *analysis = adw_preferences_group_new ();
  GtkWidget *choice = adw_combo_row_new ();
  const char *names[] = { _("Offline (MBTiles)"), "OpenStreetMap", _("Tianditu 天地图"), _("Other tile server"),
                          _("None"), NULL };

  G_STATIC_ASSERT (G_N_ELEMENTS (choices) + 1 == G_N_ELEMENTS (names));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (base), _("Base map"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (base),
                                         _("Online tiles are downloaded as the map moves; the offline file "
                                           "works without a network."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice), _("Base map"));
  adw_combo_row_set_model (ADW_COMBO_ROW (choice), G_LIST_MODEL (gtk_string_list_new (names)));
  g_settings_bind_with_mapping (gr_settings_get (), "base-map", choice, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_from_setting, choice_to_setting, NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (base), choice);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (base), mbtiles_row ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (base), entry_row (_("Tianditu key"), "tianditu-key", TRUE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (base),
                             entry_row (_("Tile server address ({z}/{x}/{y})"), "tile-url", FALSE));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (base));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (analysis), _("Coverage"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (analysis),
                                         _("300 m to green and 500 m to a park are the park-city targets."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (analysis),
                             number_row (_("Distance to green space"), _("metres"), "green-radius", 5000, 10));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (analysis),
                             number_row (_("Distance to a park"), _("metres"), "park-radius", 5000, 10));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (analysis),
                             number_row (_("Smallest green space that counts"), _("square metres"),
                                         "green-min-area", 1000000, 100));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (analysis),
                             number_row (_("Smallest park that counts"), _("square metres"), "park-min-area",
                                         10000000, 1000));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (analysis));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  return GTK_WINDOW (window);
}
