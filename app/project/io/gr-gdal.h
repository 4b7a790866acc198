/* gr-gdal.h — ownership helpers for GDAL/OGR handles and error routing */
#pragma once

#include <gdal.h>
#include <glib.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

G_BEGIN_DECLS

/* GDAL handles are all void pointers, so they get g_auto() by name. */
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (GDALDatasetH, GDALClose, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRGeometryH, OGR_G_DestroyGeometry, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRFeatureH, OGR_F_Destroy, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRSpatialReferenceH, OSRRelease, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRCoordinateTransformationH,
                                 OCTDestroyCoordinateTransformation,
                                 NULL)

void                 gr_gdal_init (void);
void                 gr_gdal_capture_begin (void);
char                *gr_gdal_capture_end (void);
OGRSpatialReferenceH gr_srs_new_from_user (const char *definition);
OGRSpatialReferenceH gr_srs_clone (OGRSpatialReferenceH srs);
int    gr_gdal_find_field (OGRFeatureDefnH defn, const char *wanted, const char *const *candidates);
char  *gr_gdal_field_list (OGRFeatureDefnH defn);
double gr_geometry_area (OGRGeometryH geometry);

G_END_DECLS
