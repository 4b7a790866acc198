/* gr-basemap-labels-private.h — placed names, shared by the placing and
 * the drawing
 */
#pragma once

#include "gr-basemap-render.h"
#include "gr-render.h"

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  GR_LABEL_PLACE,
  GR_LABEL_PARK,
  GR_LABEL_WATER,
  GR_LABEL_ROAD,
} GrLabelStyle;

typedef struct
{
  const char *text;   /* the feature's name */
  double      x, y;   /* the text's centre, world pixels at the labels' zoom */
  double      angle;  /* radians, clockwise on the screen; 0 level */
  double      box[4]; /* what it covers, with clear space around */
  double      size;   /* pixels */
  guint8      style;  /* GrLabelStyle */
} GrBaseLabel;

struct _GrBasemapLabels
{
  int     zoom;
  GArray *labels; /* GrBaseLabel */
};

PangoFontDescription *_gr_basemap_label_font (const GrBaseLabel *label);
void                  _gr_basemap_set_font_options (PangoContext *context);

G_END_DECLS
