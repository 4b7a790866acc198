/* gr-window-import.c — importing a layer into the open project: add to
 * the layer or replace it, asked first with what is there and what comes
 * in; written into a saved project with its scenarios; one step to undo */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>

struct _GrImportStep
{
  GrSource  *source;
  guint      n_before; /* features of the role before the import */
  guint      n_after;
  char      *scenario; /* the scenario shown when it began, to show again */
  GrSession *before;   /* the session before the import, for its undo */
  gboolean   undoing;  /* this open takes an import back */
};

void
_gr_import_step_free (GrImportStep *step)
{
  if (step == NULL)
    return;
  gr_source_free (step->source);
  g_free (step->scenario);
  gr_session_free (step->before);
  g_free (step);
}

static guint
n_features (GrProject *project, GrRole role)
{
  return project != NULL && project->layers[role] != NULL ? project->layers[role]->features->len
                                                          : 0;
}

/* The scenarios that change the baseline's features of @role, by name;
 * NULL when none does. */
static char *
scenarios_editing (GrWindow *self, GrRole role)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    {
      GrScenario *s = g_ptr_array_index (self->scenarios, i);

      if (gr_scenario_edits_baseline (s, _gr_window_baseline_project (self), role))
        g_string_append_printf (names, "%s“%s”", names->len > 0 ? _ (", ") : "", s->name);
    }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* The role an import's counts follow: a land-use layer's parks, which the
 * scenarios' candidate parks are numbered after. */
static GrRole
counted_role (const GrSource *source)
{
  return source->landuse ? GR_ROLE_PARK : source->role;
}

static void
start (GrWindow *self, const GrSource *source)
{
  GrImportStep *step = g_new0 (GrImportStep, 1);

  step->source = gr_source_copy (source);
  step->n_before = n_features (_gr_window_baseline_project (self), counted_role (source));
  step->scenario = self->current != NULL ? g_strdup (self->current->name) : NULL;
  g_clear_pointer (&self->importing, _gr_import_step_free);
  self->importing = step;
  gr_window_import (self, source);
}

static void
on_answer (AdwMessageDialog *dialog, const char *response, GrWindow *self)
{
  GrSource *source = g_object_get_data (G_OBJECT (dialog), "source");

  if (g_strcmp0 (response, "add") != 0 && g_strcmp0 (response, "replace") != 0)
    return;
  if (self->busy || self->session == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_ ("Wait for the current work to finish")));
      return;
    }
  source->add = g_str_equal (response, "add");
  start (self, source);
}

/**
 * _gr_window_ask_import:
 * @source: the file and the role it was given
 *
 * A layer for a role the project has no feature of comes in at once;
 * otherwise the planner chooses to add it or to replace what is there,
 * told how many features each has. Replacing is refused while a scenario
 * edits the features it would remove.
 */
void
_gr_window_ask_import (GrWindow *self, const GrSource *source)
{
  g_autoptr (GError) error = NULL;
  g_autofree char  *file = gr_source_get_short_name (source);
  g_autofree char  *heading = NULL;
  g_autofree char  *body = NULL;
  g_autofree char  *editing = NULL;
  g_autofree char  *replace = NULL;
  const char       *layer = gr_role_get_label (source->role);
  AdwMessageDialog *dialog;
  guint             n_in, n_have;

  if (self->session == NULL)
    return;
  /* A land-use layer gives several roles at once, each taking the place
   * of the project's: its preview has said what comes in. */
  if (source->landuse)
    {
      GrSource whole = *source;

      whole.add = FALSE;
      start (self, &whole);
      return;
    }
  n_have = n_features (_gr_window_baseline_project (self), source->role);
  if (!gr_source_count (source, &n_in, &error))
    {
      _gr_window_show_error (self, _ ("Could not import the layer"), error);
      return;
    }
  if (n_have == 0)
    {
      GrSource whole = *source;

      whole.add = FALSE;
      start (self, &whole);
      return;
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u feature into %s?",
                                          "Import %u features into %s?", n_in),
                             n_in, layer);
  /* TRANSLATORS: "%s has 1 feature. The project has 24 features in parks: add
   * keeps them and adds 1, replace removes the 24 and keeps only the 1." */
  body = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%s brings %u feature; the project has %u in %s now. Add keeps them all; "
                   "Replace removes the %u and keeps only what %s brings.",
                   "%s brings %u features; the project has %u in %s now. Add keeps them all; "
                   "Replace removes the %u and keeps only what %s brings.",
                   n_in),
      file, n_in, n_have, layer, n_have, file);
  editing = scenarios_editing (self, source->role);
  if (editing != NULL)
    {
      g_autofree char *why = g_strdup_printf (
          _ ("Replacing is not possible while scenarios edit these features: %s."), editing);
      char *both = g_strconcat (body, "\n\n", why, NULL);

      g_free (body);
      body = both;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  /* TRANSLATORS: the button that replaces 24 features with 1 */
  replace = g_strdup_printf (_ ("_Replace %u with %u"), n_have, n_in);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "replace", replace, "add",
                                    _ ("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "replace", editing == NULL);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "source", gr_source_copy (source),
                          (GDestroyNotify) gr_source_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_answer), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Candidates follow the baseline's parks: every scenario's move with them
 * when the park layer grows or shrinks by @by from @from on. */
static void
shift_all (GPtrArray *scenarios, GrRole role, guint from, int by)
{
  for (guint i = 0; role == GR_ROLE_PARK && by != 0 && scenarios != NULL && i < scenarios->len; i++)
    gr_scenario_shift_candidates (g_ptr_array_index (scenarios, i), from, by);
}

/* Writes @project over the saved project with the window's scenarios,
 * their candidates shifted by @by; the store is closed meanwhile. */
static gboolean
write_project (GrWindow *self, GrProject *project, GrRole role, guint from, int by, GError **error)
{
  const char *path = gr_session_get_path (self->session);
  gboolean    ok;

  g_clear_pointer (&self->store, gr_scenario_store_close);
  shift_all (self->scenarios, role, from, by);
  ok = gr_project_save_with_scenarios (project, path, self->scenarios, error);
  if (!ok)
    shift_all (self->scenarios, role, from, -by);
  return ok;
}

/**
 * _gr_window_import_opened:
 * @session: the project read again with the imported layer
 *
 * Called with the import's new session before it is shown: a saved
 * project gets the layer written into its file (scenarios kept, their
 * candidates renumbered after the baseline's parks); the session before
 * is kept for the undo. FALSE when it could not be written (said so).
 */
gboolean
_gr_window_import_opened (GrWindow *self, GrSession *session)
{
  GrImportStep *step = self->importing;
  GrRole        role = counted_role (step->source);
  g_autoptr (GError) error = NULL;

  self->keep_view = TRUE;
  if (step->undoing)
    return TRUE;
  step->n_after = n_features (gr_session_get_project (session), role);
  if (self->store != NULL)
    {
      if (!write_project (self, gr_session_get_project (session), role, step->n_before,
                          (int) step->n_after - (int) step->n_before, &error))
        {
          _gr_window_show_error (self, _ ("Could not import the layer"), error);
          _gr_window_load_scenarios (self);
          g_clear_pointer (&self->importing, _gr_import_step_free);
          return FALSE;
        }
      gr_session_set_path (session, gr_session_get_path (self->session));
      /* The file holds the layer now: the session is that file alone, so
       * that its scenarios are opened for editing again. */
      g_ptr_array_set_size (gr_session_get_sources (session), 0);
    }
  step->before = g_steal_pointer (&self->session);
  return TRUE;
}

static void
on_undo_clicked (AdwToast *toast, GrWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo-import", NULL);
}

/* After the new session is shown: the scenario shown before is shown
 * again, and a toast says what changed, with its undo. */
void
_gr_window_import_shown (GrWindow *self)
{
  GrImportStep    *step = self->importing;
  const char      *layer = gr_role_get_label (step->source->role);
  g_autofree char *what = NULL;
  AdwToast        *toast;

  if (step->scenario != NULL)
    gr_window_set_scenario (self, step->scenario);
  if (step->undoing)
    {
      g_clear_pointer (&self->importing, _gr_import_step_free);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_ ("The import was undone")));
      _gr_window_update_actions (self);
      return;
    }
  if (step->source->landuse)
    {
      GrProject       *project = _gr_window_baseline_project (self);
      g_autofree char *file = gr_source_get_short_name (step->source);

      what = g_strdup_printf (_ ("Sorted %s by its land-use codes: %u features of residential "
                                 "land, %u parks"),
                              file, n_features (project, GR_ROLE_RESIDENTIAL), step->n_after);
    }
  else if (step->source->add)
    what = g_strdup_printf (_ ("Added %u to the %u features of %s"),
                            step->n_after - MIN (step->n_after, step->n_before), step->n_before,
                            layer);
  else
    what = g_strdup_printf (_ ("Replaced the %u features of %s with %u"), step->n_before, layer,
                            step->n_after);
  g_clear_pointer (&self->import_done, _gr_import_step_free);
  self->import_done = g_steal_pointer (&self->importing);
  toast = adw_toast_new (what);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
  _gr_window_update_actions (self);
}

/* The import failed: the project stays as it was. */
void
_gr_window_import_failed (GrWindow *self)
{
  g_clear_pointer (&self->importing, _gr_import_step_free);
}

/* Whether a scenario edits what the last import brought: then it cannot
 * be taken back without breaking that scenario. */
static char *
scenarios_using_import (GrWindow *self, const GrImportStep *step)
{
  g_autoptr (GString) names = g_string_new (NULL);
  GrRole role = step->source->role;
  guint  from = step->source->add ? step->n_before : 0;

  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    {
      GrScenario *s = g_ptr_array_index (self->scenarios, i);
      gboolean    uses = FALSE;

      for (guint k = 0; k < s->edits->len && !uses; k++)
        {
          GrEdit *e = g_ptr_array_index (s->edits, k);

          uses = e->target.role == role && e->target.index >= from
                 && e->target.index < step->n_after && e->kind != GR_EDIT_ADD;
        }
      if (uses)
        g_string_append_printf (names, "%s“%s”", names->len > 0 ? _ (", ") : "", s->name);
    }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/**
 * gr_window_undo_import:
 *
 * Takes the last import back: the layer as it was, written into a saved
 * project with the scenarios (candidates renumbered back). Refused, and
 * said so, while a scenario edits what the import brought.
 */
gboolean
gr_window_undo_import (GrWindow *self, GError **error)
{
  GrImportStep *step = self->import_done;
  g_autofree char *using = NULL;
  gboolean saved = self->store != NULL;
  GrRole   role;

  if (step == NULL || self->busy || self->session == NULL)
    {
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                           _ ("There is no import to undo"));
      return FALSE;
    }
  role = step->source->role;
  if ((using = scenarios_using_import (self, step)) != NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("The import cannot be undone while scenarios edit what it brought: %s"),
                   using);
      return FALSE;
    }
  if (saved
      && !write_project (self, gr_session_get_project (step->before), role, step->n_after,
                         (int) step->n_before - (int) step->n_after, error))
    {
      _gr_window_load_scenarios (self);
      return FALSE;
    }
  self->import_done = NULL;
  step->undoing = TRUE;
  g_clear_pointer (&self->importing, _gr_import_step_free);
  self->importing = step;
  g_free (step->scenario);
  step->scenario = self->current != NULL ? g_strdup (self->current->name) : NULL;
  /* A saved project is read again from its file; an unsaved one from what
   * it was read from before. */
  _gr_window_reopen (
      self, saved ? gr_session_get_path (self->session) : gr_session_get_path (step->before),
      saved ? NULL : gr_session_get_sources (step->before));
  return TRUE;
}

void
_gr_window_undo_import_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!gr_window_undo_import (self, &error))
    _gr_window_show_error (self, _ ("Could not undo the import"), error);
}
