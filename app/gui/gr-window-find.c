/* gr-window-find.c — the GIS basics: a layer's attribute table, find by
 * name, zoom to a layer or the selection, go to a coordinate
 *
 * A feature picked in a table is selected as a click selects it (outlined,
 * the move and reshape tools' to edit) and the map zooms to it.
 */
#include "config.h"

#include "gr-window-private.h"

#include "gr-attribute-table.h"
#include "gr-offset.h"

#include <glib/gi18n.h>
#include <math.h>

/* The box of a geometry in the analysis CRS, in longitude/latitude. */
static gboolean
lonlat_bounds (GrWindow *self, OGRGeometryH geometry, double b[4])
{
  GrDisplay  *display = gr_session_get_display (self->session);
  OGREnvelope e;

  OGR_G_GetEnvelope (geometry, &e);
  b[0] = b[1] = G_MAXDOUBLE, b[2] = b[3] = -G_MAXDOUBLE;
  for (guint k = 0; k < 4; k++)
    {
      double lon, lat;

      if (!gr_display_to_lonlat (display, k & 1 ? e.MaxX : e.MinX, k & 2 ? e.MaxY : e.MinY, &lon,
                                 &lat))
        return FALSE;
      b[0] = MIN (b[0], lon), b[1] = MIN (b[1], lat);
      b[2] = MAX (b[2], lon), b[3] = MAX (b[3], lat);
    }
  return TRUE;
}

/* Selects @role's feature @index and frames it, with room around. */
void
gr_window_show_feature (GrWindow *self, GrRole role, guint index)
{
  GrProject   *project = _gr_window_baseline_project (self);
  GrFeatureKey key = { role, index };
  OGRGeometryH g;
  double       b[4];

  if (self->session == NULL || project->layers[role] == NULL
      || index >= project->layers[role]->features->len)
    return;
  g = gr_scenario_get_geometry (self->current, project, key);
  if (g == NULL || !lonlat_bounds (self, g, b))
    return;
  self->has_selection = TRUE;
  self->selection = key;
  {
    double w = b[2] - b[0], h = b[3] - b[1];

    b[0] -= w / 2, b[2] += w / 2, b[1] -= h / 2, b[3] += h / 2;
  }
  _gr_window_zoom_to_lonlat (self, b);
  _gr_window_refresh_edits (self);
}

static void
on_feature_selected (GrAttributeTable *table, int role, guint index, GrWindow *self)
{
  gr_window_show_feature (self, role, index);
}

/**
 * gr_window_open_table:
 * @role: a layer, or GR_N_ROLES to find any named feature
 *
 * Returns: (transfer none): the table, shown
 */
GrAttributeTable *
gr_window_open_table (GrWindow *self, GrRole role)
{
  GrAttributeTable *table;

  if (self->session == NULL)
    return NULL;
  table = gr_attribute_table_new (GTK_WINDOW (self), _gr_window_baseline_project (self), role);
  g_signal_connect_object (table, "feature-selected", G_CALLBACK (on_feature_selected), self, 0);
  gtk_window_present (GTK_WINDOW (table));
  return table;
}

static void
table_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  int role = g_variant_get_int32 (parameter);

  if (role >= 0 && role < GR_N_ROLES)
    gr_window_open_table (GR_WINDOW (widget), role);
}

static void
find_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gr_window_open_table (GR_WINDOW (widget), GR_N_ROLES);
}

static void
zoom_to_layer_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  int       role = g_variant_get_int32 (parameter);
  double    b[4];

  if (self->session == NULL || role < 0 || role >= GR_N_ROLES)
    return;
  gr_display_get_bounds (gr_session_get_display (self->session), role, b);
  if (b[2] >= b[0] && b[3] >= b[1])
    _gr_window_zoom_to_lonlat (self, b);
}

static void
zoom_to_selection_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (self->has_selection)
    gr_window_show_feature (self, self->selection.role, self->selection.index);
}

/* ---- go to a coordinate ---------------------------------------------------- */

typedef enum
{
  COORDS_WGS84,
  COORDS_GCJ02,
  COORDS_PROJECT,
} Coords;

/**
 * gr_window_go_to:
 * @text: "X, Y": longitude, latitude in degrees, or easting, northing in
 *   the project's CRS
 *
 * Centres the map there at street zoom.
 */
gboolean
gr_window_go_to (GrWindow *self, const char *text, guint coords, GError **error)
{
  g_auto (GStrv) parts = g_strsplit_set (text, ", \t", -1);
  double v[2], lon, lat;
  guint  n = 0;

  for (guint i = 0; parts[i] != NULL && n <= 2; i++)
    {
      char *end = NULL;

      if (parts[i][0] == '\0')
        continue;
      if (n < 2)
        v[n] = g_ascii_strtod (parts[i], &end);
      if (n >= 2 || end == parts[i] || *end != '\0' || !isfinite (v[n]))
        {
          n = 3;
          break;
        }
      n++;
    }
  if (n != 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a coordinate: write two numbers, X then Y"), text);
      return FALSE;
    }
  lon = v[0], lat = v[1];
  if (coords == COORDS_PROJECT)
    {
      if (!gr_display_to_lonlat (gr_session_get_display (self->session), v[0], v[1], &lon, &lat))
        lon = NAN;
    }
  else if (coords == COORDS_GCJ02)
    gr_offset_to_wgs84 (GR_OFFSET_GCJ02, &lon, &lat);
  if (!(fabs (lon) <= 180 && fabs (lat) <= 85.05))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   coords == COORDS_PROJECT
                       ? _ ("“%s” is not a place in the project's coordinate system")
                       : _ ("“%s” is not a longitude and latitude: longitude first, in degrees"),
                   text);
      return FALSE;
    }
  {
    ShumateViewport *viewport = shumate_map_get_viewport (self->map);

    shumate_viewport_set_zoom_level (viewport,
                                     MAX (shumate_viewport_get_zoom_level (viewport), 16));
    shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  }
  return TRUE;
}

static void
on_go_to_response (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GtkDropDown *coords = g_object_get_data (G_OBJECT (dialog), "coords");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "go"))
    return;
  if (!gr_window_go_to (self, gtk_editable_get_text (entry), gtk_drop_down_get_selected (coords),
                        &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
go_to_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow   *self = GR_WINDOW (widget);
  GtkWidget  *dialog, *box, *entry, *coords;
  const char *names[] = { _ ("WGS 84 longitude, latitude"), _ ("GCJ-02 (Amap, Tencent)"),
                          _ ("The project's CRS (easting, northing)"), NULL };

  if (self->session == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Go to a Coordinate"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "116.3975, 39.9087");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  coords = gtk_drop_down_new_from_strings (names);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), coords);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "go",
                                    _ ("_Go"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "go");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "coords", coords);
  g_signal_connect (dialog, "response", G_CALLBACK (on_go_to_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gr_window_class_init_find (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.attribute-table", "i", table_activated);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-to-layer", "i", zoom_to_layer_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-to-selection", NULL,
                                   zoom_to_selection_activated);
  gtk_widget_class_install_action (widget_class, "win.go-to", NULL, go_to_activated);
}
