/* gr-window-edit.c — what-if edits: pushing an edit, undo and redo, dragging a park, names and classes */
#include "config.h"

#include "gr-window-private.h"

#include "gr-format.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- edits ---- */

/**
 * gr_window_push_edit:
 * @edit: (transfer full)
 *
 * Records @edit in the current scenario (one is made when the baseline is
 * shown: the baseline itself never changes) and shows its effect.
 */
gboolean
gr_window_push_edit (GrWindow *self, GrEdit *edit, GError **error)
{
  g_autoptr (GrEdit) owned = edit;

  if (self->measuring)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _ ("Wait until the candidate sites are measured"));
      return FALSE;
    }
  if (self->current == NULL)
    {
      g_autofree char *name = _gr_window_next_scenario_name (self);

      if (!gr_window_new_scenario (self, name, NULL, error))
        return FALSE;
    }
  if (edit->kind == GR_EDIT_ADD)
    edit->target.index =
        gr_scenario_next_candidate (self->current, _gr_window_baseline_project (self));
  if (!gr_scenario_check_edit (self->current, _gr_window_baseline_project (self), edit, error)
      || !gr_scenario_store_push (self->store, self->current, g_steal_pointer (&owned), error))
    return FALSE;
  _gr_window_after_change (self);
  return TRUE;
}

void
_gr_window_push_or_say (GrWindow *self, GrEdit *edit)
{
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    {
      /* The first edit of an unsaved project waits for the Save dialog
       * (scenarios live in the project file) and is made once it is saved. */
      g_clear_pointer (&self->pending, gr_edit_free);
      self->pending = edit;
      _gr_window_ensure_store (self);
      return;
    }
  if (!gr_window_push_edit (self, edit, &error))
    _gr_window_show_error (self, _ ("Could not make the edit"), error);
}

/* After the Save dialog: the edit that waited for it is made (@saved), or
 * given up with a word. */
void
_gr_window_apply_pending (GrWindow *self, gboolean saved)
{
  GrEdit *edit = g_steal_pointer (&self->pending);
  guint   number;

  if (edit == NULL)
    return;
  if (!saved || self->store == NULL)
    {
      gr_edit_free (edit);
      adw_toast_overlay_add_toast (
          self->toasts, adw_toast_new (_ ("The edit was not made: the project is not saved")));
      return;
    }
  if (edit->kind != GR_EDIT_ADD)
    {
      _gr_window_push_or_say (self, edit);
      return;
    }
  number = _gr_window_candidate_number (self);
  _gr_window_push_candidate (self, edit, number);
}

/* The number the next candidate park of the scenario gets (1, 2, …). */
guint
_gr_window_candidate_number (GrWindow *self)
{
  if (self->current == NULL)
    return 1;
  return gr_scenario_next_candidate (self->current, _gr_window_baseline_project (self))
         - _gr_window_n_baseline_parks (self) + 1;
}

/* @geometry: (transfer full): a new pocket park, named by its number */
GrEdit *
_gr_window_candidate_edit (GrWindow *self, OGRGeometryH geometry, guint number)
{
  GrEdit *edit = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, 0, geometry);

  edit->name = g_strdup_printf (_ ("Pocket park %u"), number);
  edit->klass = g_strdup ("G14");
  return edit;
}

/* A new park too small for some rules says which it counts for, so that
 * unchanged 500 m colours are no surprise (500米见园 wants a park of the
 * park size, 1 ha by default). */
char *
_gr_window_what_counts (GrWindow *self, double area)
{
  g_autofree char *size = gr_format_number (area, 0);
  g_autofree char *park = gr_format_number (self->criteria.park_min_area / 1e4, 1);
  g_autofree char *text = NULL;
  gboolean         green = area >= self->criteria.green_min_area;
  gboolean         service =
      gr_service_rules_radius (_gr_window_baseline_project (self)->rules, area, FALSE) > 0;

  if (area >= self->criteria.park_min_area)
    return NULL;
  if (green && service)
    text = g_strdup_printf (_ ("The new park (%s m²) counts for the 300 m rule and the "
                               "service-radius rate; 500 m of a park needs one of at least %s ha"),
                            size, park);
  else if (green)
    text = g_strdup_printf (_ ("The new park (%s m²) counts for the 300 m rule; it is too small "
                               "for a service radius, and 500 m of a park needs one of at least "
                               "%s ha"),
                            size, park);
  else
    text = g_strdup_printf (_ ("The new park (%s m²) is below the smallest green space that "
                               "counts: it changes no coverage"),
                            size);
  return g_steal_pointer (&text);
}

static void
say_what_counts (GrWindow *self, double area)
{
  g_autofree char *text = _gr_window_what_counts (self, area);

  if (text != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* Adds candidate park @number (@edit) and selects it. */
void
_gr_window_push_candidate (GrWindow *self, GrEdit *edit, guint number)
{
  GrScenario *before = self->current;
  guint       n_edits = before != NULL ? before->edits->len : 0;

  double area = edit->geometry != NULL ? OGR_G_Area (edit->geometry) : 0;

  _gr_window_push_or_say (self, edit);
  /* Selected only once it is there (not while the project is saved). */
  if (self->current != NULL && (self->current != before || self->current->edits->len != n_edits))
    {
      say_what_counts (self, area);
      /* The new park in hand, to be dragged where it fits. */
      _gr_window_set_tool (self, GR_MAP_TOOL_MOVE);
      self->has_selection = TRUE;
      self->selection =
          (GrFeatureKey){ GR_ROLE_PARK, _gr_window_n_baseline_parks (self) + number - 1 };
      _gr_window_refresh_edits (self);
    }
}

/* A pocket park of the chosen size centred at a point of the analysis CRS. */
void
gr_window_add_park_at (GrWindow *self, double x, double y)
{
  guint number = _gr_window_candidate_number (self);

  _gr_window_push_candidate (
      self,
      _gr_window_candidate_edit (
          self,
          gr_pocket_park_new (x, y, gr_park_popover_get_area (self->park_popover),
                              gr_park_popover_get_circle (self->park_popover)),
          number),
      number);
}

/* A row of the history: the scenario goes back (or forward) to just after it. */
void
_gr_window_on_history_go_to (GrHistoryPanel *history, guint n_edits, GrWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->current == NULL)
    return;
  if (!gr_scenario_store_set_position (self->store, self->current, n_edits, &error))
    _gr_window_show_error (self, _ ("Could not make the edit"), error);
  _gr_window_after_change (self);
}

/* ---- dragging a park ---- */

static void
shift (OGRGeometryH geometry, double dx, double dy)
{
  int n = OGR_G_GetGeometryCount (geometry);

  for (int i = 0; n == 0 && i < OGR_G_GetPointCount (geometry); i++)
    OGR_G_SetPoint_2D (geometry, i, OGR_G_GetX (geometry, i) + dx, OGR_G_GetY (geometry, i) + dy);
  for (int k = 0; k < n; k++)
    shift (OGR_G_GetGeometryRef (geometry, k), dx, dy);
}

static OGRGeometryH
translated (OGRGeometryH geometry, double dx, double dy)
{
  OGRGeometryH copy = OGR_G_Clone (geometry);

  shift (copy, dx, dy);
  return copy;
}

/* Moves what is being dragged to (@x, @y): the analysis follows at once,
 * from the library's incremental remove and add. */
void
gr_window_drag_to (GrWindow *self, double x, double y)
{
  double area[4];

  if (!self->dragging)
    return;
  g_clear_pointer (&self->drag_now, OGR_G_DestroyGeometry);
  if (self->drag_vertex)
    self->drag_now = _gr_window_edit_vertex (
        self->drag_start, (Vertex){ self->drag_part, self->drag_ring, self->drag_point },
        VERTEX_MOVE, x, y);
  else
    self->drag_now = translated (self->drag_start, x - self->drag_x, y - self->drag_y);
  /* What the move can change: the old and the new outline's reach. */
  gr_editor_preview (self->editor, self->drag_key, self->drag_now, area);
  _gr_window_grow_by_reach (self, area);
  gr_coverage_layer_refresh_area (self->coverage, area);
  _gr_window_update_targets_live (self);
  _gr_window_refresh_edits (self);
}

/* Starts the drag of the tool in force at (@x, @y): with the move tool the
 * feature there, with the reshape tool the corner of the selection there.
 * FALSE where the tool has nothing to drag (the map pans instead). */
gboolean
gr_window_drag_begin (GrWindow *self, double x, double y)
{
  GrFeatureKey key;
  OGRGeometryH g = NULL;
  Vertex       v;
  double       wx, wy;

  if (self->session == NULL || self->editor == NULL || self->presenting)
    return FALSE;
  self->drag_vertex = FALSE;
  if (self->tool == GR_MAP_TOOL_RESHAPE)
    {
      if (!self->has_selection || !_gr_window_may_edit (self, self->selection, FALSE)
          || !_gr_window_to_widget (self, x, y, &wx, &wy)
          || (g = gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self),
                                            self->selection))
                 == NULL
          || !_gr_window_find_vertex (self, g, wx, wy, &v))
        return FALSE;
      key = self->selection;
      self->drag_vertex = TRUE;
      self->drag_part = v.part, self->drag_ring = v.ring, self->drag_point = v.point;
    }
  else if (self->tool != GR_MAP_TOOL_MOVE || !_gr_window_edit_target_at (self, x, y, &key)
           || (g = gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self),
                                             key))
                  == NULL)
    return FALSE;
  self->dragging = TRUE;
  self->drag_moved = FALSE;
  self->drag_key = key;
  self->drag_start = OGR_G_Clone (g);
  self->drag_x = x, self->drag_y = y;
  self->has_selection = TRUE;
  self->selection = key;
  _gr_window_refresh_edits (self);
  return TRUE;
}

/* Ends the drag: one edit, however many steps it took ("Move" for the
 * whole, "Reshape" for a corner), none for a press that did not move. */
void
gr_window_drag_end (GrWindow *self)
{
  OGRGeometryH now;

  if (!self->dragging)
    return;
  g_clear_handle_id (&self->live_text_id, g_source_remove);
  self->dragging = FALSE;
  now = g_steal_pointer (&self->drag_now);
  g_clear_pointer (&self->drag_start, OGR_G_DestroyGeometry);
  if (now != NULL)
    _gr_window_push_or_say (self, gr_edit_new (self->drag_vertex ? GR_EDIT_RESHAPE : GR_EDIT_MOVE,
                                               self->drag_key.role, self->drag_key.index, now));
  else
    _gr_window_refresh_edits (self);
}

void
_gr_window_on_drag_begin (GtkGestureDrag *gesture, double wx, double wy, GrWindow *self)
{
  double x, y;

  if (self->session == NULL || !_gr_window_widget_to_analysis (self, wx, wy, &x, &y)
      || !gr_window_drag_begin (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
_gr_window_on_drag_update (GtkGestureDrag *gesture, double dx, double dy, GrWindow *self)
{
  double sx, sy, x, y;

  if (!self->dragging || !gtk_gesture_drag_get_start_point (gesture, &sx, &sy))
    return;
  if (!self->drag_moved && hypot (dx, dy) < GR_WINDOW_DRAG_THRESHOLD)
    return;
  self->drag_moved = TRUE;
  if (_gr_window_widget_to_analysis (self, sx + dx, sy + dy, &x, &y))
    gr_window_drag_to (self, x, y);
}

void
_gr_window_on_drag_end (GtkGestureDrag *gesture, double dx, double dy, GrWindow *self)
{
  gr_window_drag_end (self);
}

/* A candidate park's popover: its name, area, review flags and reach. */
char *
_gr_window_describe_candidate (GrWindow *self)
{
  OGRGeometryH g =
      gr_scenario_get_geometry (self->current, _gr_window_baseline_project (self), self->selection);
  g_autofree char *flags = NULL;
  g_autofree char *name = NULL;
  GString         *text = g_string_new (NULL);
  double           area;

  if (g == NULL)
    return g_string_free (text, FALSE);
  for (guint i = 0; i < self->current->position; i++)
    {
      GrEdit *e = g_ptr_array_index (self->current->edits, i);

      if (e->target.role == GR_ROLE_PARK && e->target.index == self->selection.index
          && (e->kind == GR_EDIT_ADD || e->kind == GR_EDIT_RENAME))
        g_free (name), name = g_markup_escape_text (e->name != NULL ? e->name : "", -1);
    }
  area = OGR_G_Area (g);
  g_string_append_printf (text, "<b>%s</b>\n%s\n", name != NULL ? name : "", _ ("Candidate park"));
  {
    g_autofree char *formatted = gr_format_area (area);
    g_string_append_printf (text, _ ("Area: %s"), formatted);
  }
  {
    g_autofree char *counts = _gr_window_what_counts (self, area);

    if (counts != NULL)
      {
        g_autofree char *escaped = g_markup_escape_text (counts, -1);
        g_string_append_printf (text, "\n<small>%s</small>", escaped);
      }
  }
  flags = gr_candidate_flags_describe (gr_candidate_flags (
      _gr_window_baseline_project (self), g,
      gr_scenario_get_feature_class (self->current, _gr_window_baseline_project (self),
                                     self->selection, self->current->position)));
  if (flags[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (flags, -1);
      g_string_append_printf (text, "\n<span foreground=\"#b00000\">%s</span>", escaped);
    }
  {
    g_autoptr (GrPolygon) shape = gr_polygon_new_from_ogr (g);
    _gr_window_describe_served (self, text, GR_ROLE_PARK, shape);
  }
  return g_string_free (text, FALSE);
}

/* ---- names and classes ---- */

/**
 * gr_window_rename_selection:
 * @klass: a class code (G11 … G14, EG) or free text
 *
 * Names and classes the selected park or green space, as an edit.
 */
void
gr_window_rename_selection (GrWindow *self, const char *name, const char *klass)
{
  GrEdit *edit;

  if (!self->has_selection)
    return;
  edit = gr_edit_new (GR_EDIT_RENAME, self->selection.role, self->selection.index, NULL);
  edit->name = g_strdup (name);
  edit->klass = g_strdup (klass);
  _gr_window_push_or_say (self, edit);
}

static void
on_rename (GrFeaturePopover *popover, const char *name, const char *klass, GrWindow *self)
{
  gr_window_rename_selection (self, name, klass);
}

/* The selected feature's name and class in its popover, editable: what the
 * scenario calls it now (the latest naming), else the data's. */
void
_gr_window_setup_naming (GrWindow *self, GrFeaturePopover *popover)
{
  GrProject   *project = _gr_window_baseline_project (self);
  OGRGeometryH g = gr_scenario_get_geometry (self->current, project, self->selection);
  const char  *current_name = NULL, *current_class = NULL;
  gboolean     by_size;

  for (guint i = 0; self->current != NULL && i < self->current->position; i++)
    {
      GrEdit *e = g_ptr_array_index (self->current->edits, i);

      if (e->target.role == self->selection.role && e->target.index == self->selection.index
          && (e->kind == GR_EDIT_RENAME || e->kind == GR_EDIT_ADD))
        current_name = e->name, current_class = e->klass;
    }
  if (current_name == NULL && project->layers[self->selection.role] != NULL
      && self->selection.index < project->layers[self->selection.role]->features->len)
    {
      GrFeature *f = g_ptr_array_index (project->layers[self->selection.role]->features,
                                        self->selection.index);
      current_name = f->name, current_class = f->kind;
    }
  gr_feature_popover_set_naming (
      popover, current_name,
      gr_park_class_from_kind (current_class, g != NULL ? OGR_G_Area (g) : 0, &by_size));
  g_signal_connect_object (popover, "rename", G_CALLBACK (on_rename), self, 0);
}
