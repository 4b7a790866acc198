/* gr-site-item.h — one suggested site, as the suggestion panel lists it */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GR_TYPE_SITE_ITEM (gr_site_item_get_type ())
G_DECLARE_FINAL_TYPE (GrSiteItem, gr_site_item, GR, SITE_ITEM, GObject)

GrSiteItem *gr_site_item_new (guint rank, const char *title, const char *detail);
guint       gr_site_item_get_rank (GrSiteItem *self);
const char *gr_site_item_get_title (GrSiteItem *self);
const char *gr_site_item_get_detail (GrSiteItem *self);

G_END_DECLS
