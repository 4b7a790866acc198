/* gr-gdal.c — ownership helpers for GDAL/OGR handles and error routing */
#include "gr-gdal.h"

#include "gr-offset.h"

#include <cpl_conv.h>
#include <cpl_error.h>

static GPrivate last_error = G_PRIVATE_INIT (g_free);

void
gr_gdal_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      GDALAllRegister ();
      /* OSM: keep the index in memory rather than in a temporary file. */
      CPLSetConfigOption ("OSM_USE_CUSTOM_INDEXING", "YES");
      CPLSetConfigOption ("OGR_INTERLEAVED_READING", "YES");
      g_once_init_leave (&once, 1);
    }
}

static void CPL_STDCALL
capture_handler (CPLErr level, CPLErrorNum num, const char *message)
{
  if (level >= CE_Failure || g_private_get (&last_error) == NULL)
    g_private_replace (&last_error, g_strdup (message));
}

/* GDAL's messages go to the caller's GError, never to the user's terminal. */
void
gr_gdal_capture_begin (void)
{
  g_private_replace (&last_error, NULL);
  CPLPushErrorHandler (capture_handler);
}

char *
gr_gdal_capture_end (void)
{
  char *message = g_strdup (g_private_get (&last_error));

  CPLPopErrorHandler ();
  g_private_replace (&last_error, NULL);
  return message;
}

OGRSpatialReferenceH
gr_srs_new_from_user (const char *definition)
{
  OGRSpatialReferenceH srs = OSRNewSpatialReference (NULL);

  /* GCJ-02 and BD-09 are read as longitude/latitude and shifted to WGS 84
   * point by point (gr-offset.h). */
  if (gr_offset_from_name (definition) != GR_OFFSET_NONE)
    definition = "EPSG:4326";
  if (OSRSetFromUserInput (srs, definition) != OGRERR_NONE)
    {
      OSRRelease (srs);
      return NULL;
    }
  /* Longitude/easting first, whatever the CRS's official axis order. */
  OSRSetAxisMappingStrategy (srs, OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

/**
 * gr_gdal_find_field:
 * @wanted: (nullable): the field the user named, or %NULL to look for
 *   the first of @candidates
 *
 * Returns: the field's index in @defn, or -1
 */
int
gr_gdal_find_field (OGRFeatureDefnH defn, const char *wanted, const char *const *candidates)
{
  if (wanted != NULL)
    return OGR_FD_GetFieldIndex (defn, wanted);
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      int index = OGR_FD_GetFieldIndex (defn, candidates[i]);

      if (index >= 0)
        return index;
    }
  return -1;
}

/* The names of @defn's fields, “a, b, c”, for a message saying which there are. */
char *
gr_gdal_field_list (OGRFeatureDefnH defn)
{
  GString *list = g_string_new (NULL);

  for (int i = 0; i < OGR_FD_GetFieldCount (defn); i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "",
                            OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (defn, i)));
  return g_string_free (list, FALSE);
}

/**
 * gr_geometry_area:
 *
 * Returns: the area of @geometry's polygons; 0 for points and lines, of
 *   which GDAL would complain
 */
double
gr_geometry_area (OGRGeometryH geometry)
{
  OGRwkbGeometryType type =
      geometry != NULL ? wkbFlatten (OGR_G_GetGeometryType (geometry)) : wkbUnknown;

  return OGR_GT_IsSurface (type) || OGR_GT_IsSubClassOf (type, wkbMultiSurface)
                 || type == wkbGeometryCollection
             ? OGR_G_Area (geometry)
             : 0;
}

OGRSpatialReferenceH
gr_srs_clone (OGRSpatialReferenceH srs)
{
  OGRSpatialReferenceH clone = OSRClone (srs);

  OSRSetAxisMappingStrategy (clone, OAMS_TRADITIONAL_GIS_ORDER);
  return clone;
}
