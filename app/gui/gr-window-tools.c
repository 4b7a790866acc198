/* gr-window-tools.c — the editing tools: corners of the selection, drawing a park, the new-park tool */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- vertices ---- */

static int
n_parts (OGRGeometryH g)
{
  return wkbFlatten (OGR_G_GetGeometryType (g)) == wkbMultiPolygon ? OGR_G_GetGeometryCount (g) : 1;
}

static OGRGeometryH
part_of (OGRGeometryH g, int part)
{
  return wkbFlatten (OGR_G_GetGeometryType (g)) == wkbMultiPolygon ? OGR_G_GetGeometryRef (g, part)
                                                                   : g;
}

gboolean
_gr_window_to_widget (GrWindow *self, double x, double y, double *wx, double *wy)
{
  double lon, lat;

  if (!gr_display_to_lonlat (gr_session_get_display (self->session), x, y, &lon, &lat))
    return FALSE;
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (self->map),
                                              GTK_WIDGET (self->map), lat, lon, wx, wy);
  return TRUE;
}

#define GRAB_PIXELS 8.0

/* The corner (or, with @edges, the edge) of @g within GRAB_PIXELS of the
 * widget point; for an edge @v names the corner after it. */
static gboolean
nearest_on_outline (GrWindow *self, OGRGeometryH g, double wx, double wy, gboolean edges, Vertex *v)
{
  double   best = GRAB_PIXELS;
  gboolean found = FALSE;

  for (int p = 0; p < n_parts (g); p++)
    {
      OGRGeometryH polygon = part_of (g, p);

      for (int r = 0; r < OGR_G_GetGeometryCount (polygon); r++)
        {
          OGRGeometryH ring = OGR_G_GetGeometryRef (polygon, r);
          double       ax = NAN, ay = NAN;

          for (int i = 0; i < OGR_G_GetPointCount (ring); i++)
            {
              double bx, by, d;

              if (!_gr_window_to_widget (self, OGR_G_GetX (ring, i), OGR_G_GetY (ring, i), &bx,
                                         &by))
                {
                  ax = NAN;
                  continue;
                }
              if (!edges && i < OGR_G_GetPointCount (ring) - 1)
                d = hypot (bx - wx, by - wy);
              else if (edges && isfinite (ax))
                {
                  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
                  double t = len2 > 0 ? CLAMP (((wx - ax) * dx + (wy - ay) * dy) / len2, 0, 1) : 0;

                  d = hypot (ax + t * dx - wx, ay + t * dy - wy);
                }
              else
                d = INFINITY;
              if (d <= best)
                best = d, *v = (Vertex){ p, r, i }, found = TRUE;
              ax = bx, ay = by;
            }
        }
    }
  return found;
}

gboolean
_gr_window_find_vertex (GrWindow *self, OGRGeometryH g, double wx, double wy, Vertex *v)
{
  return nearest_on_outline (self, g, wx, wy, FALSE, v);
}

gboolean
_gr_window_find_edge (GrWindow *self, OGRGeometryH g, double wx, double wy, Vertex *v)
{
  return nearest_on_outline (self, g, wx, wy, TRUE, v);
}

/* A copy of @g with one vertex moved, inserted or removed; rings stay
 * closed. NULL when a ring would keep fewer than three vertices. */
OGRGeometryH
_gr_window_edit_vertex (OGRGeometryH g, Vertex v, VertexOp op, double x, double y)
{
  gboolean     multi = wkbFlatten (OGR_G_GetGeometryType (g)) == wkbMultiPolygon;
  OGRGeometryH out = OGR_G_CreateGeometry (multi ? wkbMultiPolygon : wkbPolygon);

  for (int p = 0; p < n_parts (g); p++)
    {
      OGRGeometryH polygon = part_of (g, p);
      OGRGeometryH new_polygon = multi ? OGR_G_CreateGeometry (wkbPolygon) : out;

      for (int r = 0; r < OGR_G_GetGeometryCount (polygon); r++)
        {
          OGRGeometryH ring = OGR_G_GetGeometryRef (polygon, r);
          OGRGeometryH new_ring = OGR_G_CreateGeometry (wkbLinearRing);
          g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));

          for (int i = 0; i < OGR_G_GetPointCount (ring) - 1; i++)
            {
              double   px = OGR_G_GetX (ring, i), py = OGR_G_GetY (ring, i);
              gboolean here = p == v.part && r == v.ring && i == v.point;

              if (here && op == VERTEX_INSERT)
                g_array_append_val (xy, x), g_array_append_val (xy, y);
              if (here && op == VERTEX_REMOVE)
                continue;
              if (here && op == VERTEX_MOVE)
                px = x, py = y;
              g_array_append_val (xy, px), g_array_append_val (xy, py);
            }
          /* Inserting after the last vertex: on the closing edge. */
          if (op == VERTEX_INSERT && p == v.part && r == v.ring
              && v.point == OGR_G_GetPointCount (ring) - 1)
            g_array_append_val (xy, x), g_array_append_val (xy, y);
          if (xy->len / 2 < 3)
            {
              OGR_G_DestroyGeometry (new_ring);
              if (multi)
                OGR_G_DestroyGeometry (new_polygon);
              OGR_G_DestroyGeometry (out);
              return NULL;
            }
          for (guint i = 0; i <= xy->len / 2; i++)
            OGR_G_AddPoint_2D (new_ring, g_array_index (xy, double, 2 * (i % (xy->len / 2))),
                               g_array_index (xy, double, 2 * (i % (xy->len / 2)) + 1));
          OGR_G_AddGeometryDirectly (new_polygon, new_ring);
        }
      if (multi)
        OGR_G_AddGeometryDirectly (out, new_polygon);
    }
  return out;
}

/* A double click on the selection: on a vertex removes it, on an edge adds
 * one there. */
gboolean
_gr_window_edit_vertices_at (GrWindow *self, double wx, double wy)
{
  OGRGeometryH g;
  OGRGeometryH edited = NULL;
  Vertex       v;
  double       x, y;

  if (!self->has_selection
      || (g = gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self),
                                        self->selection))
             == NULL
      || !_gr_window_widget_to_analysis (self, wx, wy, &x, &y))
    return FALSE;
  if (_gr_window_find_vertex (self, g, wx, wy, &v))
    edited = _gr_window_edit_vertex (g, v, VERTEX_REMOVE, 0, 0);
  else if (_gr_window_find_edge (self, g, wx, wy, &v))
    edited = _gr_window_edit_vertex (g, v, VERTEX_INSERT, x, y);
  else
    return FALSE;
  if (edited == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_ ("An outline keeps at least three corners")));
      return TRUE;
    }
  _gr_window_push_or_say (
      self, gr_edit_new (GR_EDIT_RESHAPE, self->selection.role, self->selection.index, edited));
  return TRUE;
}

/* Double-clicks the map at a point of the analysis CRS, as a user would. */
gboolean
gr_window_double_click_at (GrWindow *self, double x, double y)
{
  double wx, wy;

  return _gr_window_to_widget (self, x, y, &wx, &wy) && _gr_window_edit_vertices_at (self, wx, wy);
}

/* ---- drawing a park corner by corner ---- */

static void
show_draft (GrWindow *self)
{
  gr_sketch_layer_set_draft (self->sketch, gr_session_get_display (self->session),
                             (double *) self->draft->data, self->draft->len / 2);
}

/* Adds a corner to the park being drawn (a click with the drawing tool). */
void
gr_window_draw_corner (GrWindow *self, double x, double y)
{
  guint n = self->draft->len / 2;

  /* The second click of a double click lands on the last corner. */
  if (n > 0
      && hypot (x - g_array_index (self->draft, double, 2 * n - 2),
                y - g_array_index (self->draft, double, 2 * n - 1))
             < 0.01)
    return;
  g_array_append_val (self->draft, x);
  g_array_append_val (self->draft, y);
  show_draft (self);
  _gr_window_update_actions (self);
}

static void
end_drawing (GrWindow *self)
{
  g_array_set_size (self->draft, 0);
  if (self->session != NULL)
    show_draft (self);
  _gr_window_update_actions (self);
}

/* Closes the park being drawn and adds it (a double click or Enter); the
 * new park is selected, under the move tool. */
void
gr_window_finish_drawing (GrWindow *self)
{
  guint        n = self->draft->len / 2;
  OGRGeometryH ring, polygon;
  GrEdit      *edit;
  guint        number;

  if (self->session == NULL)
    return;
  if (n < 3)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_ ("A park needs at least three corners")));
      return;
    }
  ring = OGR_G_CreateGeometry (wkbLinearRing);
  for (guint i = 0; i <= n; i++)
    OGR_G_AddPoint_2D (ring, g_array_index (self->draft, double, 2 * (i % n)),
                       g_array_index (self->draft, double, 2 * (i % n) + 1));
  polygon = OGR_G_CreateGeometry (wkbPolygon);
  OGR_G_AddGeometryDirectly (polygon, ring);
  number = _gr_window_candidate_number (self);
  edit = _gr_window_candidate_edit (self, polygon, number);
  end_drawing (self);
  _gr_window_push_candidate (self, edit, number);
}

/* ---- the tools ---- */

static const char *const tool_names[GR_N_MAP_TOOLS] = {
  [GR_MAP_TOOL_PAN] = "pan", [GR_MAP_TOOL_MOVE] = "move", [GR_MAP_TOOL_RESHAPE] = "reshape",
  [GR_MAP_TOOL_ADD] = "add", [GR_MAP_TOOL_DRAW] = "draw", [GR_MAP_TOOL_MEASURE] = "measure",
};

/* The pointer says which tool is on. */
static const char *const tool_cursors[GR_N_MAP_TOOLS] = {
  [GR_MAP_TOOL_PAN] = NULL,   [GR_MAP_TOOL_MOVE] = "move",      [GR_MAP_TOOL_RESHAPE] = "pointer",
  [GR_MAP_TOOL_ADD] = "copy", [GR_MAP_TOOL_DRAW] = "crosshair", [GR_MAP_TOOL_MEASURE] = "crosshair",
};

const char *
_gr_window_get_tool_name (GrWindow *self)
{
  return tool_names[self->tool];
}

void
_gr_window_set_tool (GrWindow *self, GrMapTool tool)
{
  if (tool == self->tool)
    return;
  if (self->tool == GR_MAP_TOOL_DRAW && self->draft != NULL && self->draft->len > 0)
    end_drawing (self);
  if (self->tool == GR_MAP_TOOL_MEASURE)
    _gr_window_measure_clear (self);
  self->tool = tool;
  if (self->map != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), tool_cursors[tool]);
  if (self->sketch != NULL)
    gr_sketch_layer_set_handles (self->sketch, tool == GR_MAP_TOOL_RESHAPE);
  _gr_window_update_actions (self);
  g_object_notify (G_OBJECT (self), "tool");
}

gboolean
_gr_window_set_tool_name (GrWindow *self, const char *name)
{
  for (guint t = 0; t < GR_N_MAP_TOOLS; t++)
    if (g_strcmp0 (name, tool_names[t]) == 0)
      {
        _gr_window_set_tool (self, t);
        return TRUE;
      }
  return FALSE;
}

/* Esc: the pan tool, nothing selected, the outline of what it served and
 * a half-drawn park gone, the identify popover closed. */
void
_gr_window_escape (GrWindow *self)
{
  if (self->draft != NULL && self->draft->len > 0)
    end_drawing (self);
  _gr_window_set_tool (self, GR_MAP_TOOL_PAN);
  if (self->identify != NULL)
    gtk_popover_popdown (self->identify);
  self->has_selection = FALSE;
  g_clear_pointer (&self->selection_text, g_free);
  gr_coverage_layer_set_served (self->coverage, NULL);
  if (self->session != NULL)
    _gr_window_refresh_edits (self);
}

/* The tools as a test chooses them, as the tool buttons do. */
void
gr_window_set_tool (GrWindow *self, const char *tool)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.tool", "s", tool);
}

void
gr_window_set_drawing (GrWindow *self, gboolean drawing)
{
  gr_window_set_tool (self, drawing ? "draw" : "pan");
}

/* Esc and Enter come first, whatever has the focus (an action that is off
 * lets the key go on); the tools' letters come last, so that a text entry
 * keeps them. */
static void
add_tool_keys (GrWindow *self)
{
  GtkEventController *first = gtk_shortcut_controller_new ();
  GtkEventController *last = gtk_shortcut_controller_new ();
  static const struct
  {
    guint     keyval;
    GrMapTool tool;
  } letters[] = {
    { GDK_KEY_h, GR_MAP_TOOL_PAN },     { GDK_KEY_m, GR_MAP_TOOL_MOVE },
    { GDK_KEY_r, GR_MAP_TOOL_RESHAPE }, { GDK_KEY_a, GR_MAP_TOOL_ADD },
    { GDK_KEY_d, GR_MAP_TOOL_DRAW },    { GDK_KEY_l, GR_MAP_TOOL_MEASURE },
  };

  gtk_event_controller_set_propagation_phase (first, GTK_PHASE_CAPTURE);
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (first), GDK_KEY_Return, "win.finish-drawing", NULL);
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (first), GDK_KEY_KP_Enter, "win.finish-drawing",
                      NULL);
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (first), GDK_KEY_Escape, "win.escape", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), first);
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (last), letters[i].keyval, "win.tool",
                        g_variant_new_string (tool_names[letters[i].tool]));
  gtk_widget_add_controller (GTK_WIDGET (self), last);
}

void
_gr_window_build_editing (GrWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->empty = gr_scenario_new ("");
  self->scenario_items = g_list_store_new (GR_TYPE_SCENARIO_ITEM);
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (self->scenario_items));
  self->draft = g_array_new (FALSE, FALSE, sizeof (double));
  self->measure = g_array_new (FALSE, FALSE, sizeof (double));
  add_tool_keys (self);
  self->sketch = gr_sketch_layer_new (shumate_map_get_viewport (self->map));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->sketch));
  g_signal_connect_swapped (self->scenario_dropdown, "notify::selected",
                            G_CALLBACK (_gr_window_on_scenario_selected), self);
  g_signal_connect (self->history, "go-to", G_CALLBACK (_gr_window_on_history_go_to), self);
  /* Before the map's own drag: a press on what the move or reshape tool
   * can change is an edit, any other press pans the map. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (_gr_window_on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (_gr_window_on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (_gr_window_on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (drag));
  _gr_window_fill_scenarios (self);
  _gr_window_refresh_edits (self);
}
