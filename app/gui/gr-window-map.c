/* gr-window-map.c — the map: base map, pointer position, and what a click finds */
#include "config.h"

#include "gr-window-private.h"

#include "gr-format.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- the map ----------------------------------------------------------------- */

/* Walks longer than this are reported as "over 2 km". */
#define HOVER_WALK_LIMIT 2000.0

/* The smallest park the 500 m rule counts (500米见园), as the status bar
 * names it: "1 ha". */
static char *
park_size (GrWindow *self)
{
  double           area = self->criteria.park_min_area;
  double           shown = area >= 1e4 ? area / 1e4 : area;
  g_autofree char *number = gr_format_number (shown, fabs (shown - round (shown)) < 1e-9 ? 0 : 1);

  return area >= 1e4 ? g_strdup_printf (_ ("%s ha"), number)
                     : g_strdup_printf (_ ("%s m²"), number);
}

static char *
describe_walk (GrWindow *self, GrAnalysis *analysis, double x, double y)
{
  double green = gr_analysis_walk_distance (analysis, x, y, GR_LAYER_GREEN, HOVER_WALK_LIMIT);
  double park = gr_analysis_walk_distance (analysis, x, y, GR_LAYER_PARK, HOVER_WALK_LIMIT);
  g_autofree char *g = NULL;
  g_autofree char *p = NULL;

  if (!gr_network_nearest_segment (gr_walk_get_network (gr_analysis_get_walk (analysis)), x, y,
                                   self->criteria.attach_distance, G_MAXUINT32,
                                   &(GrNetworkHit){ 0 }))
    return g_strdup_printf (_ ("no path within %.0f m: not reached on foot"),
                            self->criteria.attach_distance);
  g_autofree char *size = park_size (self);

  g = isfinite (green) ? g_strdup_printf (_ ("%.0f m"), green)
                       : g_strdup_printf (_ ("over %.0f m"), HOVER_WALK_LIMIT);
  p = isfinite (park) ? g_strdup_printf (_ ("%.0f m"), park)
                      : g_strdup_printf (_ ("over %.0f m"), HOVER_WALK_LIMIT);
  /* TRANSLATORS: "walk to green space 120 m, to a park of 1 ha or more 640 m" */
  return g_strdup_printf (_ ("walk to green space %s, to a park of %s or more %s"), g, size, p);
}

/* The straight-line distance to the nearest feature of @role as the
 * scenario shown has it: its candidate parks and reshaped features count,
 * what it removed does not. */
static double
nearest_now (GrWindow *self, GrRole role, double min_area, double x, double y)
{
  guint  index = 0;
  double best = gr_session_nearest_of_size (self->session, role, x, y, min_area, &index);
  g_autoptr (GArray) touched = NULL;
  g_auto (OGRGeometryH) point = NULL;
  gboolean nearest_touched = FALSE;

  if (self->current == NULL)
    return best;
  touched = gr_scenario_get_touched (self->current);
  point = OGR_G_CreateGeometry (wkbPoint);
  OGR_G_SetPoint_2D (point, 0, x, y);
  for (guint i = 0; i < touched->len; i++)
    nearest_touched |= g_array_index (touched, GrFeatureKey, i).role == role
                       && g_array_index (touched, GrFeatureKey, i).index == index;
  /* The nearest of the data is edited: the nearest of the rest instead. */
  if (nearest_touched)
    {
      const GrPolygon *shape;

      best = INFINITY;
      for (guint i = 0; (shape = gr_session_get_shape (self->session, role, i)) != NULL; i++)
        {
          gboolean edited = FALSE;

          for (guint k = 0; k < touched->len && !edited; k++)
            edited = g_array_index (touched, GrFeatureKey, k).role == role
                     && g_array_index (touched, GrFeatureKey, k).index == i;
          if (!edited && gr_polygon_area (shape) >= min_area)
            best = MIN (best, gr_polygon_distance (shape, x, y));
        }
    }
  for (guint i = 0; i < touched->len; i++)
    {
      GrFeatureKey key = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH g =
          key.role == role
              ? gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self), key)
              : NULL;

      if (g != NULL && OGR_G_Area (g) >= min_area)
        best = MIN (best, OGR_G_Contains (g, point) ? 0 : OGR_G_Distance (g, point));
    }
  return best;
}

static char *
describe_reach (GrWindow *self, double x, double y)
{
  GrAnalysis      *analysis = gr_session_get_analysis (self->session);
  double           green, park, counted;
  g_autofree char *size = NULL;

  /* The mode just chosen is being computed: the old figures would lie. */
  if (analysis != NULL && gr_analysis_is_walking (analysis) != self->criteria.walking)
    return g_strdup (self->criteria.walking ? _ ("walking distances are being computed…")
                                            : _ ("straight-line distances are being computed…"));
  if (analysis != NULL && gr_analysis_is_walking (analysis))
    return describe_walk (self, analysis, x, y);
  /* Green space and parks as the map counts them (parks are green space
   * too; neither counts under the green-space size); the nearest park,
   * and of the size the 500 m rule wants when that one is smaller. */
  green = MIN (nearest_now (self, GR_ROLE_GREEN, self->criteria.green_min_area, x, y),
               nearest_now (self, GR_ROLE_PARK, self->criteria.green_min_area, x, y));
  park = nearest_now (self, GR_ROLE_PARK, self->criteria.green_min_area, x, y);
  counted = nearest_now (self, GR_ROLE_PARK, self->criteria.park_min_area, x, y);
  if (!isfinite (green))
    return g_strdup ("");
  if (!isfinite (park))
    return g_strdup_printf (_ ("nearest green space %.0f m (straight line), no park"), green);
  if (counted <= park)
    return g_strdup_printf (_ ("nearest green space %.0f m, park %.0f m (straight line)"), green,
                            park);
  size = park_size (self);
  if (!isfinite (counted))
    return g_strdup_printf (_ ("nearest green space %.0f m, park %.0f m, none of %s or more "
                               "(straight line)"),
                            green, park, size);
  /* TRANSLATORS: "nearest green space 190 m, park 190 m, one of 1 ha or more 640 m" */
  return g_strdup_printf (_ ("nearest green space %.0f m, park %.0f m, one of %s or more %.0f m "
                             "(straight line)"),
                          green, park, size, counted);
}

/* What the status bar says of a point of the analysis CRS. */
char *
gr_window_describe_point (GrWindow *self, double x, double y)
{
  g_return_val_if_fail (self->session != NULL, NULL);
  return describe_reach (self, x, y);
}

/* The status bar: the place under the pointer (its coordinates, the scale
 * there and how far green space and a park are), or the scale at the
 * map's centre when the pointer is elsewhere. */
void
_gr_window_refresh_status (GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autofree char *text = NULL;
  g_autofree char *reach = NULL;
  g_autofree char *scale = NULL;
  double           lat, lon, px, py, metres_per_pixel;

  if (self->pointer_inside)
    shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), self->pointer_x,
                                                self->pointer_y, &lat, &lon);
  else
    lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), lon = 0;
  /* Web Mercator at this latitude; a screen pixel taken as 0.28 mm (the
   * OGC standardised rendering pixel), as scale denominators are quoted. */
  metres_per_pixel =
      156543.03392 * cos (lat * G_PI / 180) / pow (2, shumate_viewport_get_zoom_level (viewport));
  scale = g_strdup_printf (_ ("1:%.0f"), metres_per_pixel / 0.00028);
  if (!self->pointer_inside)
    text = g_steal_pointer (&scale);
  else if (self->session != NULL
           && gr_display_from_lonlat (gr_session_get_display (self->session), lon, lat, &px, &py))
    {
      reach = describe_reach (self, px, py);
      text = g_strdup_printf (_ ("%.5f°E %.5f°N   x %.1f  y %.1f (EPSG:%d)   %s   %s"), lon, lat,
                              px, py, gr_session_get_project (self->session)->epsg, scale, reach);
    }
  else
    text = g_strdup_printf (_ ("%.5f°E %.5f°N   %s"), lon, lat, scale);
  gtk_label_set_text (self->cursor_label, text);
}

void
_gr_window_on_motion (GtkEventControllerMotion *motion, double x, double y, GrWindow *self)
{
  self->pointer_x = x, self->pointer_y = y;
  self->pointer_inside = TRUE;
  _gr_window_refresh_status (self);
}

static void
on_leave (GtkEventControllerMotion *motion, GrWindow *self)
{
  self->pointer_inside = FALSE;
  _gr_window_refresh_status (self);
}

static gboolean
status_after_view (gpointer data)
{
  GrWindow *self = data;

  self->status_id = 0;
  _gr_window_refresh_status (self);
  return G_SOURCE_REMOVE;
}

/* The view moved under a still pointer (a zoom by key, a zone framed, the
 * city framed once it is read): the status bar says what is under it now,
 * once the view rests, not on every frame of the move. */
static void
on_view_changed (GrWindow *self)
{
  if (_gr_window_is_gone (self))
    return;
  g_clear_handle_id (&self->status_id, g_source_remove);
  self->status_id = g_timeout_add (120, status_after_view, self);
}

/* What a selected park serves: the homes within the park distance (or
 * the green distance, for a park too small to count as one), measured as
 * the window measures, outlined on the map. */
void
_gr_window_describe_served (GrWindow *self, GString *text, GrRole role, const GrPolygon *shape)
{
  GrAnalysis *analysis = gr_session_get_analysis (self->session);
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  /* Green space serves within the green distance, whatever its size. */
  gboolean park = role == GR_ROLE_PARK && gr_polygon_area (shape) >= self->criteria.park_min_area;
  double   radius = park ? self->criteria.park_radius : self->criteria.green_radius;
  GrAmount served;

  if (analysis == NULL)
    return;
  served = gr_analysis_served (analysis, shape, radius, cells);
  gr_coverage_layer_set_served (self->coverage, cells);
  g_string_append_c (text, '\n');
  g_string_append_printf (text,
                          self->criteria.walking ? _ ("Homes within %.0f m on foot: %.2f ha")
                                                 : _ ("Homes within %.0f m: %.2f ha"),
                          radius, served.area_m2 / 1e4);
  if (served.population > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%.0f resident", "%.0f residents",
                                           (gulong) round (served.population)),
                              round (served.population));
    }
}

/* What the identify popover says of a feature of @role: its name, layer,
 * class, area, service radius and, for parks and green space, the homes
 * it serves (outlined on the map). @g is its outline as shown now. */
static char *
describe_feature (GrWindow *self, GrRole role, guint index, OGRGeometryH g, const char *name)
{
  GrProject       *project = _gr_window_baseline_project (self);
  GrFeature       *f = index < project->layers[role]->features->len
                           ? g_ptr_array_index (project->layers[role]->features, index)
                           : NULL;
  const char      *kind = f != NULL ? f->kind : NULL;
  double           area = OGR_G_Area (g);
  GString         *text = g_string_new (NULL);
  g_autofree char *title =
      g_markup_escape_text (name != NULL ? name : gr_role_get_label (role), -1);

  g_string_append_printf (text, "<b>%s</b>\n", title);
  g_string_append_printf (text, _ ("Layer: %s\n"), gr_role_get_label (role));
  if (role == GR_ROLE_PARK)
    {
      gboolean    by_size;
      GrParkClass park_class = gr_park_class_from_kind (kind, area, &by_size);

      g_string_append_printf (
          text, by_size ? _ ("Class: %s %s (by its size)\n") : _ ("Class: %s %s\n"),
          gr_park_class_get_code (park_class), gr_park_class_get_label (park_class));
    }
  if (kind != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (kind, -1);
      g_string_append_printf (text, _ ("Source class: %s\n"), escaped);
    }
  switch (gr_role_get_shape (role))
    {
    case GR_SHAPE_LINE:
      {
        g_autofree char *length = gr_format_number (OGR_G_Length (g), 0);
        g_string_append_printf (text, _ ("Length: %s m"), length);
      }
      break;
    case GR_SHAPE_POINT:
      g_string_append_printf (text, _ ("At x %.1f  y %.1f"), OGR_G_GetX (g, 0), OGR_G_GetY (g, 0));
      break;
    default:
      {
        g_autofree char *formatted = gr_format_area (area);
        g_string_append_printf (text, _ ("Area: %s"), formatted);
      }
    }
  if (role == GR_ROLE_PARK)
    {
      double radius =
          gr_service_rules_radius (project->rules, area, f != NULL ? f->historic : FALSE);

      g_string_append_c (text, '\n');
      if (radius > 0)
        g_string_append_printf (text, _ ("Service radius: %.0f m"), radius);
      else
        g_string_append (text, _ ("Too small for a service radius"));
    }
  if (role == GR_ROLE_PARK || role == GR_ROLE_GREEN)
    {
      g_autoptr (GrPolygon) shape = gr_polygon_new_from_ogr (g);
      _gr_window_describe_served (self, text, role, shape);
    }
  return g_string_free (text, FALSE);
}

/* A line or point feature of @role within a few pixels of (@x, @y). */
static gboolean
near_feature (GrWindow *self, GrRole role, double x, double y, double tolerance, guint *index)
{
  GrLayer *layer = _gr_window_baseline_project (self)->layers[role];
  g_auto (OGRGeometryH) point = OGR_G_CreateGeometry (wkbPoint);
  double   best = tolerance;
  gboolean found = FALSE;

  OGR_G_SetPoint_2D (point, 0, x, y);
  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);
      double     d = OGR_G_Distance (f->geometry, point);

      if (d >= 0 && d <= best)
        best = d, *index = i, found = TRUE;
    }
  return found;
}

/* What a click with the pan tool finds, topmost first: a park or green
 * space as the scenario has it (candidates included), then the other
 * layers. Parks and green space become the selection, for their name and
 * class. NULL where there is nothing. */
static char *
identify (GrWindow *self, double x, double y, double metres_per_pixel)
{
  static const GrRole areas[] = { GR_ROLE_WATER,    GR_ROLE_BUILDINGS, GR_ROLE_RESIDENTIAL,
                                  GR_ROLE_CORRIDOR, GR_ROLE_NURSERY,   GR_ROLE_ZONES };
  static const GrRole others[] = { GR_ROLE_ENTRANCES, GR_ROLE_SITES, GR_ROLE_GREENWAY };
  GrProject          *project = _gr_window_baseline_project (self);
  GrFeatureKey        key;
  guint               index = 0;

  self->has_selection = FALSE;
  for (guint r = 0; r < G_N_ELEMENTS (others); r++)
    if (near_feature (self, others[r], x, y, 6 * metres_per_pixel, &index))
      {
        GrFeature *f = g_ptr_array_index (project->layers[others[r]]->features, index);
        return describe_feature (self, others[r], index, f->geometry, f->name);
      }
  if (_gr_window_feature_at (self, x, y, &key))
    {
      self->has_selection = TRUE;
      self->selection = key;
      if (key.role == GR_ROLE_PARK && key.index >= _gr_window_n_baseline_parks (self))
        return _gr_window_describe_candidate (self);
      return describe_feature (
          self, key.role, key.index, gr_scenario_get_geometry (self->current, project, key),
          gr_scenario_get_feature_name (self->current, project, key, G_MAXUINT));
    }
  for (guint r = 0; r < G_N_ELEMENTS (areas); r++)
    if (gr_session_nearest (self->session, areas[r], x, y, &index) == 0)
      {
        GrFeature *f = g_ptr_array_index (project->layers[areas[r]]->features, index);
        return describe_feature (self, areas[r], index, f->geometry, f->name);
      }
  return NULL;
}

static void
show_identify (GrWindow *self, const char *markup, double wx, double wy)
{
  GtkWidget *popover = gr_feature_popover_new (markup);

  if (self->has_selection)
    _gr_window_setup_naming (self, GR_FEATURE_POPOVER (popover));
  gtk_widget_set_parent (popover, GTK_WIDGET (self->map_overlay));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle){ (int) wx, (int) wy, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  /* Esc in the popover is the window's Esc: popover and selection go. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, "win.escape", NULL);
    gtk_widget_add_controller (popover, keys);
  }
  g_set_weak_pointer (&self->identify, GTK_POPOVER (popover));
  gtk_popover_popup (GTK_POPOVER (popover));
  /* The keys stay the map's (the tools' letters, Esc): the name field
   * takes them once clicked. */
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
  g_free (self->selection_text);
  self->selection_text = g_strdup (gr_feature_popover_get_text (GR_FEATURE_POPOVER (popover)));
}

/* The select part of the move and reshape tools: what is under the
 * pointer and may be edited, or nothing. */
static void
select_at (GrWindow *self, double x, double y)
{
  GrFeatureKey key;

  self->has_selection = _gr_window_feature_at (self, x, y, &key);
  if (self->has_selection)
    {
      self->selection = key;
      /* A locked feature is selected and said so: it shows what it is. */
      _gr_window_may_edit (self, key, TRUE);
    }
  _gr_window_refresh_edits (self);
}

/* On a corner or an edge of the selection (the reshape tool's handles). */
static gboolean
on_selection_outline (GrWindow *self, double wx, double wy)
{
  OGRGeometryH g;
  Vertex       v;

  return self->has_selection
         && (g = gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self),
                                           self->selection))
                != NULL
         && (_gr_window_find_vertex (self, g, wx, wy, &v)
             || _gr_window_find_edge (self, g, wx, wy, &v));
}

/* The second press of a double click that edits (closing a drawing,
 * a corner of the selection) is the tool's alone: the map does not zoom. */
void
_gr_window_on_press (GtkGestureClick *gesture, int n_press, double x, double y, GrWindow *self)
{
  self->press_x = x, self->press_y = y;
  if (n_press != 2 || self->session == NULL)
    return;
  if (self->tool == GR_MAP_TOOL_DRAW
      || (self->tool == GR_MAP_TOOL_RESHAPE && on_selection_outline (self, x, y)))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
_gr_window_on_click (GtkGestureClick *gesture, int n_press, double x, double y, GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autofree char *markup = NULL;
  double           lat, lon, px, py, metres_per_pixel;

  /* The end of a drag (a pan) is no click. */
  if (gesture != NULL && hypot (x - self->press_x, y - self->press_y) > GR_WINDOW_DRAG_THRESHOLD)
    return;
  if (self->session == NULL || self->presenting || x < 0 || y < 0
      || x >= gtk_widget_get_width (GTK_WIDGET (self->map))
      || y >= gtk_widget_get_height (GTK_WIDGET (self->map)))
    return;
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  if (!gr_display_from_lonlat (gr_session_get_display (self->session), lon, lat, &px, &py))
    return;
  switch (self->tool)
    {
    case GR_MAP_TOOL_DRAW:
      if (n_press == 2)
        gr_window_finish_drawing (self);
      else if (n_press == 1)
        gr_window_draw_corner (self, px, py);
      return;
    case GR_MAP_TOOL_ADD:
      if (n_press == 1)
        gr_window_add_park_at (self, px, py);
      return;
    case GR_MAP_TOOL_MEASURE:
      _gr_window_measure_click (self, n_press, px, py);
      return;
    case GR_MAP_TOOL_RESHAPE:
      if (n_press == 2)
        _gr_window_edit_vertices_at (self, x, y);
      else if (n_press == 1 && !on_selection_outline (self, x, y))
        select_at (self, px, py);
      return;
    case GR_MAP_TOOL_MOVE:
      if (n_press == 1)
        select_at (self, px, py);
      return;
    case GR_MAP_TOOL_PAN:
    default:
      break;
    }
  /* Pan: a click identifies; a double click zooms (the map's own). */
  if (n_press != 1)
    return;
  gr_coverage_layer_set_served (self->coverage, NULL);
  metres_per_pixel =
      156543.03392 * cos (lat * G_PI / 180) / pow (2, shumate_viewport_get_zoom_level (viewport));
  markup = identify (self, px, py, metres_per_pixel);
  _gr_window_refresh_edits (self);
  if (markup != NULL)
    show_identify (self, markup, x, y);
  else
    g_clear_pointer (&self->selection_text, g_free);
}

/* Zoom levels a notch of the wheel moves: half a level, √2 in scale, so
 * a city district stays in view from one notch to the next. */
#define WHEEL_ZOOM_STEP 0.5

/* The wheel zooms about the point under the pointer, which stays put. */
static gboolean
on_scroll (GtkEventControllerScroll *scroll, double dx, double dy, GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  GtkWidget       *map = GTK_WIDGET (self->map);
  double           px = self->pointer_x, py = self->pointer_y, lat0, lon0, lat1, lon1, zoom;

  if (dy == 0)
    return FALSE;
  shumate_viewport_widget_coords_to_location (viewport, map, px, py, &lat0, &lon0);
  zoom = shumate_viewport_get_zoom_level (viewport) + (dy < 0 ? WHEEL_ZOOM_STEP : -WHEEL_ZOOM_STEP);
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_viewport_widget_coords_to_location (viewport, map, px, py, &lat1, &lon1);
  shumate_location_set_location (
      SHUMATE_LOCATION (viewport),
      shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) + lat0 - lat1,
      shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) + lon0 - lon1);
  return TRUE;
}

/* The open project's file, or %NULL (none open, or not saved). */
const char *
_gr_window_get_project_path (GrWindow *self)
{
  return self->session != NULL ? gr_session_get_path (self->session) : NULL;
}

/* The base map follows the preferences; when the chosen one cannot be
 * used, the map says why and shows the layers on a plain background. */
void
_gr_window_apply_base_map (GrWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sources =
      gr_base_map_new_sources (gr_settings_get (), _gr_window_get_project_path (self), &error);

  for (guint i = 0; i < self->base_layers->len; i++)
    {
      ShumateMapLayer *layer = g_ptr_array_index (self->base_layers, i);
      g_autoptr (ShumateMapSource) source = NULL;

      g_object_get (layer, "map-source", &source, NULL);
      shumate_license_remove_map_source (self->license, source);
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (layer));
    }
  g_ptr_array_set_size (self->base_layers, 0);
  g_clear_pointer (&self->base_map_error, g_free);
  /* Shown on the map for as long as the base map is missing. */
  if (sources == NULL)
    self->base_map_error = g_strdup_printf (_ ("No base map: %s"), error->message);
  gtk_label_set_text (self->base_map_notice, self->base_map_error);
  gtk_widget_set_visible (GTK_WIDGET (self->base_map_notice), sources == NULL);
  if (sources == NULL || sources->len == 0)
    {
      g_autoptr (ShumateMapSource) blank =
          SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
              "greenreach-none", _ ("No base map"), "", "", 0, 19, 256,
              SHUMATE_MAP_PROJECTION_MERCATOR, "none://{z}/{x}/{y}"));
      shumate_viewport_set_reference_map_source (viewport, blank);
      return;
    }
  shumate_viewport_set_reference_map_source (viewport, g_ptr_array_index (sources, 0));
  for (guint i = 0; i < sources->len; i++)
    {
      ShumateMapSource *source = g_ptr_array_index (sources, i);
      ShumateMapLayer  *layer = shumate_map_layer_new (source, viewport);

      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (layer),
                                       SHUMATE_LAYER (self->vectors));
      g_ptr_array_add (self->base_layers, layer);
      if (shumate_map_source_get_license (source)[0] != '\0')
        shumate_license_append_map_source (self->license, source);
    }
}

void
_gr_window_setup_map (GrWindow *self)
{
  ShumateViewport    *viewport = shumate_map_get_viewport (self->map);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture         *click = gtk_gesture_click_new ();
  GtkDropTarget      *drop;

  self->vectors = gr_vector_layer_new (viewport);
  self->coverage = gr_coverage_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->vectors));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->coverage));
  self->labels = gr_label_layer_new (viewport, self->vectors);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->labels));
  shumate_scale_set_viewport (self->map_scale, viewport);
  self->base_layers = g_ptr_array_new ();
  _gr_window_apply_base_map (self);
  g_signal_connect (motion, "motion", G_CALLBACK (_gr_window_on_motion), self);
  g_signal_connect (motion, "enter", G_CALLBACK (_gr_window_on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  /* Capture: a double click that edits is claimed before the map zooms. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (_gr_window_on_press), self);
  g_signal_connect (click, "released", G_CALLBACK (_gr_window_on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
  /* On the map's overlay, in the capture phase: before the map's own
   * scrolling (a fifth of a level a notch, animated), which never sees it. */
  {
    GtkEventController *scroll =
        gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
    gtk_widget_add_controller (GTK_WIDGET (self->map_overlay), scroll);
  }
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (_gr_window_on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_overlay), GTK_EVENT_CONTROLLER (drop));
}
