/* fuzz-project.c — the input as a project file (.gpkg), read as the window
 * reads the project it opens: the layers and their display geometry, the
 * scenarios with their edits (each scenario applied, its history
 * described, its edited features looked up and checked), and the
 * project's own targets */
#include "config.h"

#include "gr-fuzz.h"
#include "gr-scenario-store.h"
#include "gr-targets-store.h"

static void
read_scenario (const GrScenario *scenario, GrProject *baseline)
{
  g_autoptr (GArray) touched = gr_scenario_get_touched (scenario);
  GrProject view;
  GrBalance balance;

  /* The scenario analysed, and shown over the baseline. */
  gr_project_free (gr_scenario_apply (scenario, baseline));
  gr_project_free (gr_scenario_view (scenario, baseline, &view));
  gr_scenario_next_candidate (scenario, baseline);
  gr_scenario_balance (scenario, baseline, GR_COMPENSATION_DISTANCE, &balance);
  for (guint i = 0; i < touched->len; i++)
    {
      GrFeatureKey key = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH geometry = gr_scenario_get_geometry (scenario, baseline, key);

      gr_scenario_get_feature_name (scenario, baseline, key, G_MAXUINT);
      if (geometry != NULL)
        g_free (gr_candidate_flags_describe (gr_candidate_flags (
            baseline, geometry,
            gr_scenario_get_feature_class (scenario, baseline, key, G_MAXUINT))));
    }
  for (guint i = 0; i < scenario->edits->len; i++)
    g_free (gr_scenario_describe_edit (scenario, baseline, i));
  /* The edits left out as no longer fitting the data, as the window lists
   * them. */
  for (guint i = 0; scenario->left_out != NULL && i < scenario->left_out->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (scenario->left_out, i), -1, NULL));
  gr_scenario_edits_baseline (scenario, baseline, GR_ROLE_PARK);
  gr_scenario_edits_baseline (scenario, baseline, GR_ROLE_GREEN);
}

/* The command line reads the scenarios without writing (@mode READ), the
 * window of a writable file with the store ready for edits (WRITE). */
static void
read_scenarios (const char *path, GrProject *baseline, GrScenarioStoreMode mode)
{
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GPtrArray) scenarios = NULL;
  g_autoptr (GError) error = NULL;

  store = gr_scenario_store_open (path, baseline, mode, &error);
  gr_fuzz_check_result (store, error);
  if (store == NULL)
    return;
  gr_scenario_store_is_read_only (store);
  scenarios = gr_scenario_store_load (store, &error);
  gr_fuzz_check_result (scenarios, error);
  for (guint i = 0; scenarios != NULL && i < scenarios->len; i++)
    read_scenario (g_ptr_array_index (scenarios, i), baseline);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = gr_fuzz_write ("project.gpkg", data, size);
  g_autoptr (GrSession) session = NULL;
  g_autoptr (GError) error = NULL;
  GrTarget targets[GR_N_INDICATORS];

  /* The window reads the scenarios and targets only of a file that is a
   * project, and of one that opened. */
  if (gr_project_file_is_project (path))
    {
      session = gr_session_open (path, NULL, NULL, &error);
      gr_fuzz_check_result (session, error);
    }
  if (session != NULL)
    {
      read_scenarios (path, gr_session_get_project (session), GR_SCENARIO_STORE_READ);
      read_scenarios (path, gr_session_get_project (session), GR_SCENARIO_STORE_WRITE);
      gr_project_targets_load (path, targets, NULL);
    }
  gr_fuzz_remove (path);
  return 0;
}
