/* gr-offset.h — the offset coordinates of Chinese web maps: GCJ-02 (Amap,
 * Tencent, Google China) and BD-09 (Baidu), to WGS 84 and back
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GR_OFFSET_NONE,
  GR_OFFSET_GCJ02, /* 国测局坐标 */
  GR_OFFSET_BD09,  /* 百度坐标 */
} GrOffset;

GrOffset gr_offset_from_name (const char *name);
void     gr_offset_from_wgs84 (GrOffset offset, double *lon, double *lat);
void     gr_offset_to_wgs84 (GrOffset offset, double *lon, double *lat);

G_END_DECLS
