/* share-editor.c — one analyst of a shared project, for test-share: opens
 * the project and one of its scenarios, says it is editing it, and adds
 * N candidate parks to it one transaction each, as the window does. A
 * change refused because the other analyst changed the scenario first
 * is made again over the scenario read anew, as a planner would. Every
 * fifth edit it also adds a park to a scenario of its own ("own-TAG"),
 * created when it starts: scenarios made and edited side by side.
 *
 *   share-editor LOCATION SCENARIO TAG N
 *
 * Prints {"edits": N, "conflicts": K} on success.
 */
#include "gr-project.h"
#include "gr-scenario-store.h"

#include <stdio.h>
#include <stdlib.h>

static OGRGeometryH
square (double x, double y, double side)
{
  g_autofree char *wkt = g_strdup_printf ("POLYGON ((%.3f %.3f, %.3f %.3f, %.3f %.3f, %.3f %.3f, "
                                          "%.3f %.3f))",
                                          x, y, x + side, y, x + side, y + side, x, y + side, x, y);
  char            *cursor = wkt;
  OGRGeometryH     geometry = NULL;

  OGR_G_CreateFromWkt (&cursor, NULL, &geometry);
  return geometry;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) baseline = NULL;
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GrScenario) scenario = NULL;
  g_autoptr (GrScenario) own = NULL;
  g_autofree char *own_name = NULL;
  guint            conflicts = 0;
  guint            n;
  int              lane;

  if (argc != 5)
    {
      g_printerr ("usage: share-editor LOCATION SCENARIO TAG N\n");
      return 2;
    }
  n = (guint) atoi (argv[4]);
  lane = argv[3][0] % 8; /* "a", "b": rows of their own */
  if ((baseline = gr_project_load (argv[1], &error)) == NULL
      || (store = gr_scenario_store_open (argv[1], baseline, GR_SCENARIO_STORE_WRITE, &error))
             == NULL
      || (scenario = gr_scenario_store_find (store, argv[2], &error)) == NULL
      || !gr_scenario_store_set_editing (store, scenario, &error))
    {
      g_printerr ("share-editor %s: %s\n", argv[3], error->message);
      return 1;
    }
  own_name = g_strdup_printf ("own-%s", argv[3]);
  own = gr_scenario_new (own_name);
  if (!gr_scenario_store_add (store, own, &error))
    {
      g_printerr ("share-editor %s: %s\n", argv[3], error->message);
      return 1;
    }
  for (guint i = 0; i < n;)
    {
      /* Small parks on a grid of their own, inside the city. */
      double x = baseline->extent[0] + (baseline->extent[2] - baseline->extent[0]) * 0.3 + 60.0 * i;
      double y =
          baseline->extent[1] + (baseline->extent[3] - baseline->extent[1]) * 0.4 + 60.0 * lane;
      GrEdit *edit =
          gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, gr_scenario_next_candidate (scenario, baseline),
                       square (x, y, 40));

      edit->name = g_strdup_printf ("%s-%u", argv[3], i);
      if (!gr_scenario_check_edit (scenario, baseline, edit, &error))
        {
          g_printerr ("share-editor %s: %s\n", argv[3], error->message);
          return 1;
        }
      if (gr_scenario_store_push (store, scenario, edit, &error))
        {
          if (i % 5 == 0)
            {
              GrEdit *mine =
                  gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK,
                               gr_scenario_next_candidate (own, baseline), square (x, y - 200, 40));

              mine->name = g_strdup_printf ("%s-own-%u", argv[3], i);
              if (!gr_scenario_store_push (store, own, mine, &error))
                {
                  g_printerr ("share-editor %s: %s\n", argv[3], error->message);
                  return 1;
                }
            }
          i++;
          continue;
        }
      if (!g_error_matches (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT))
        {
          g_printerr ("share-editor %s: %s\n", argv[3], error->message);
          return 1;
        }
      /* Refused, nothing written: read the scenario with the other's
       * edits, and make this one again. */
      conflicts++;
      g_clear_error (&error);
      g_clear_pointer (&scenario, gr_scenario_free);
      if ((scenario = gr_scenario_store_find (store, argv[2], &error)) == NULL)
        {
          g_printerr ("share-editor %s: %s\n", argv[3], error->message);
          return 1;
        }
    }
  printf ("{\"edits\": %u, \"conflicts\": %u}\n", n, conflicts);
  return 0;
}
