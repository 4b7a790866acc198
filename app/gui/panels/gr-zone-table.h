/* gr-zone-table.h — coverage per zone (district, street, community) */
#pragma once

#include <gtk/gtk.h>

#include "gr-analysis.h"
#include "gr-evaluate.h"
#include "gr-project.h"

G_BEGIN_DECLS

#define GR_TYPE_ZONE_TABLE (gr_zone_table_get_type ())
G_DECLARE_FINAL_TYPE (GrZoneTable, gr_zone_table, GR, ZONE_TABLE, GtkBox)

GListModel *gr_zone_table_get_model (GrZoneTable *self);
void        gr_zone_table_show (GrZoneTable *self, GrProject *project, GrAnalysis *analysis);

G_END_DECLS
