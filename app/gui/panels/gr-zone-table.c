/* gr-zone-table.c — each zone's share of residential land within 300 m of
 * green space, within 500 m of a park, and in a blind spot; hidden when
 * the project has no zones */
#include "config.h"

#include "gr-zone-table.h"

#include "gr-zone-item.h"

#include <math.h>

struct _GrZoneTable
{
  GtkBox parent_instance;

  GtkColumnView *table;
  GListStore    *zones;
};

G_DEFINE_FINAL_TYPE (GrZoneTable, gr_zone_table, GTK_TYPE_BOX)

static void
gr_zone_table_finalize (GObject *object)
{
  g_clear_object (&GR_ZONE_TABLE (object)->zones);
  G_OBJECT_CLASS (gr_zone_table_parent_class)->finalize (object);
}

static void
gr_zone_table_class_init (GrZoneTableClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gr_zone_table_finalize;
  g_type_ensure (GR_TYPE_ZONE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/greenreach/Greenreach/panels/gr-zone-table.ui");
  gtk_widget_class_bind_template_child (widget_class, GrZoneTable, table);
}

static void
gr_zone_table_init (GrZoneTable *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->zones = g_list_store_new (GR_TYPE_ZONE_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->zones)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
}

/**
 * gr_zone_table_get_model:
 *
 * Returns: (transfer none): a GrZoneItem per zone, in the project's order
 */
GListModel *
gr_zone_table_get_model (GrZoneTable *self)
{
  g_return_val_if_fail (GR_IS_ZONE_TABLE (self), NULL);
  return G_LIST_MODEL (self->zones);
}

static double
fraction (double part, double whole)
{
  return whole > 0 ? part / whole : NAN;
}

/* Every zone of @project with its figures from @analysis. */
void
gr_zone_table_show (GrZoneTable *self, GrProject *project, GrAnalysis *analysis)
{
  guint n = gr_project_get_n_zones (project);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (GR_IS_ZONE_TABLE (self));
  for (guint z = 1; z <= n; z++)
    {
      g_autofree char *name = gr_project_zone_name (project, z);
      GrSummary        s;

      gr_analysis_summarize (analysis, z, &s);
      g_ptr_array_add (items,
                       gr_zone_item_new (name, fraction (s.green.area_m2, s.residential.area_m2),
                                         fraction (s.park.area_m2, s.residential.area_m2),
                                         fraction (s.neither.area_m2, s.residential.area_m2)));
    }
  g_list_store_splice (self->zones, 0, g_list_model_get_n_items (G_LIST_MODEL (self->zones)),
                       items->pdata, items->len);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}
