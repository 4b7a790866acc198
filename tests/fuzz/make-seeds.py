#!/usr/bin/env python3
"""Make the fuzz targets' seed corpus from the project's real test data.

    make-seeds.py GREENREACH_CLI SHARED_DATA OUTDIR

GREENREACH_CLI is a built greenreach-cli (it writes the project seeds);
SHARED_DATA is a folder with tiles/ (the MBTiles base maps of the shared
test data); the rest comes from tests/data. Needs ogr2ogr and sqlite3.
The seeds are committed: this records how they were made, and remakes
them after a change of format. Every file is kept under 64 KiB: SQLite
files are rewritten with 512-byte pages.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
OSM = os.path.join(DATA, "osm")
BAD = os.path.join(DATA, "bad-input")
CUT = os.path.join(HERE, "osm-cut.py")
LIMIT = 64 * 1024

# (name, source extract, box, keys): tiny cuts around a park, with what
# surrounds it: residential land, green space, paths, water, buildings.
CUTS = [
    ("monaco-beaumarchais", "monaco.osm.pbf", "7.4253,43.7382,7.4268,43.7391",
     "leisure,landuse,highway,natural"),
    ("monaco-gastaud", "monaco.osm.pbf", "7.4200,43.7335,7.4210,43.7344",
     "leisure,landuse,highway,natural,building"),
    ("monaco-multipolygon-park", "monaco.osm.pbf", "7.4298,43.7411,7.4304,43.7417", "leisure"),
    ("helsinki", "helsinki-centre.osm.pbf", "24.9440,60.1700,24.9460,60.1710",
     "leisure,landuse,highway,natural"),
    ("bayreuth", "north-bayreuth.osm.gz", "11.5980,49.9925,11.6000,49.9940",
     "leisure,landuse,highway,natural"),
    ("liechtenstein", "liechtenstein.osm.pbf", "9.5200,47.1400,9.5230,47.1415",
     "leisure,landuse,highway,natural"),
]
# The XML seeds are smaller cuts: XML is ten times the size of PBF.
XML_CUTS = [
    ("monaco-beaumarchais", "monaco.osm.pbf", "7.4256,43.7384,7.4265,43.7389", "leisure,landuse"),
    ("monaco-gastaud", "monaco.osm.pbf", "7.4200,43.7335,7.4210,43.7344",
     "leisure,landuse,highway,natural,building"),
    ("monaco-multipolygon-park", "monaco.osm.pbf", "7.4298,43.7411,7.4304,43.7417", "leisure"),
    ("helsinki", "helsinki-centre.osm.pbf", "24.9440,60.1700,24.9450,60.1705",
     "leisure,landuse,natural"),
    ("bayreuth-park", "north-bayreuth.osm.gz", "11.5985,49.9928,11.5995,49.9935",
     "leisure,highway"),
    ("bayreuth", "north-bayreuth.osm.gz", "11.5980,49.9925,11.6000,49.9940",
     "leisure,landuse,highway,natural"),
]


def run(*args, **kw):
    subprocess.run([str(a) for a in args], check=True, stdout=subprocess.DEVNULL, **kw)


def shrink_sqlite(path):
    run("sqlite3", path, "PRAGMA journal_mode=DELETE; PRAGMA page_size=512; VACUUM;")


def pack_shapefile(out, base, parts=("shp", "shx", "dbf", "prj", "cpg"), extra=None):
    """The parts of one shapefile, each a 4-byte little-endian length and its bytes."""
    data = b""
    for ext in parts:
        path = f"{base}.{ext}"
        content = (extra or {}).get(ext)
        if content is None:
            content = open(path, "rb").read() if os.path.exists(path) else b""
        data += struct.pack("<I", len(content)) + content
    open(out, "wb").write(data)


def ogr(out, src, *args):
    run("ogr2ogr", "-q", out, src, *args)


def main():
    cli, shared, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
    tmp = tempfile.mkdtemp(prefix="greenreach-seeds-")
    dirs = {t: os.path.join(outdir, t) for t in (
        "import-geojson", "import-shapefile", "import-gpkg", "import-osm-xml", "import-osm-pbf",
        "project", "mbtiles")}
    for d in dirs.values():
        os.makedirs(d, exist_ok=True)

    # OSM: PBF and XML cuts.
    for name, src, box, keys in CUTS:
        run(sys.executable, CUT, os.path.join(OSM, src), box,
            os.path.join(dirs["import-osm-pbf"], name + ".osm.pbf"), keys)
    for name, src, box, keys in XML_CUTS:
        run(sys.executable, CUT, os.path.join(OSM, src), box,
            os.path.join(dirs["import-osm-xml"], name + ".osm"), keys)
    # The head of a real extract as its writer wrote it (bounds, metadata
    # attributes), nodes only.
    import gzip
    with gzip.open(os.path.join(OSM, "north-bayreuth.osm.gz"), "rt", encoding="utf-8") as f:
        lines = []
        for line in f:
            lines.append(line)
            if len(lines) > 60 and line.strip() == "</node>":
                break
    open(os.path.join(dirs["import-osm-xml"], "bayreuth-head.osm"), "w",
         encoding="utf-8").write("".join(lines) + "</osm>\n")

    # Layers of the cuts, as GIS files: parks, paths, points, and a few
    # cells of the population grid.
    gastaud = os.path.join(dirs["import-osm-pbf"], "monaco-gastaud.osm.pbf")
    helsinki = os.path.join(dirs["import-osm-pbf"], "helsinki.osm.pbf")
    population = os.path.join(DATA, "population", "helsinki-population-grid-2020.gpkg")
    parks_sql = ("SELECT name, leisure AS kind FROM multipolygons "
                 "WHERE leisure IS NOT NULL OR landuse IS NOT NULL")
    pop_sql = ("SELECT * FROM \"{layer}\" LIMIT 6")
    pop_layer = subprocess.run(["ogrinfo", "-ro", "-q", population], check=True,
                               capture_output=True, text=True).stdout.split(":")[1].split("(")[0].strip()
    layers = {
        "parks": (gastaud, ["-sql", parks_sql, "-nln", "parks"]),
        "paths": (helsinki, ["-sql", "SELECT name, highway AS kind FROM lines "
                             "WHERE highway IS NOT NULL", "-nln", "paths"]),
        "points": (gastaud, ["-sql", "SELECT name, other_tags FROM points", "-nln", "points"]),
        "population": (population, ["-sql", pop_sql.format(layer=pop_layer), "-nln", "population"]),
    }
    for name, (src, args) in layers.items():
        ogr(os.path.join(dirs["import-geojson"], name + ".geojson"), src, "-f", "GeoJSON", *args)
        shp = os.path.join(tmp, name + ".shp")
        ogr(shp, src, "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", *args)
        # Only the population seed has a .cpg: a .cpg with a failed import
        # leaks its encoding (tests/fuzz/crashes/import-shapefile).
        pack_shapefile(os.path.join(dirs["import-shapefile"], name + ".shpack"), shp[:-4],
                       extra=None if name == "population" else {"cpg": b""})
        gpkg = os.path.join(dirs["import-gpkg"], name + ".gpkg")
        ogr(gpkg, src, "-f", "GPKG", *args)
        shrink_sqlite(gpkg)
    # Other CRSs: the population grid in ETRS-TM35FIN, the parks in a
    # CGCS2000 Gauss-Kruger zone, as Chinese bureau data comes.
    ogr(os.path.join(dirs["import-geojson"], "population-epsg3067.geojson"), population,
        "-f", "GeoJSON", "-t_srs", "EPSG:3067", "-lco", "RFC7946=NO",
        *layers["population"][1])
    ogr(os.path.join(dirs["import-geojson"], "parks-epsg4546.geojson"), gastaud,
        "-f", "GeoJSON", "-t_srs", "EPSG:4546", *layers["parks"][1])
    shp = os.path.join(tmp, "parks-4546.shp")
    ogr(shp, gastaud, "-f", "ESRI Shapefile", "-t_srs", "EPSG:4546", *layers["parks"][1])
    pack_shapefile(os.path.join(dirs["import-shapefile"], "parks-epsg4546-no-prj.shpack"),
                   shp[:-4], extra={"prj": b"", "cpg": b""})
    # Two layers in one GeoPackage: the first is imported.
    both = os.path.join(dirs["import-gpkg"], "parks-and-paths.gpkg")
    ogr(both, gastaud, "-f", "GPKG", *layers["parks"][1])
    ogr(both, helsinki, "-f", "GPKG", "-update", *layers["paths"][1])
    shrink_sqlite(both)

    # The bad input and the GBK files of tests/data.
    for f in sorted(os.listdir(os.path.join(BAD, "JSONTestSuite_n"))):
        if os.path.getsize(os.path.join(BAD, "JSONTestSuite_n", f)) < LIMIT:
            shutil.copyfile(os.path.join(BAD, "JSONTestSuite_n", f),
                            os.path.join(dirs["import-geojson"], f))
    gbk = os.path.join(BAD, "mapshaper_gbk")
    ogr(os.path.join(dirs["import-geojson"], "chinese.geojson"), os.path.join(gbk, "chinese.shp"),
        "-f", "GeoJSON", "-oo", "ENCODING=CP936")
    pack_shapefile(os.path.join(dirs["import-shapefile"], "pyshp-corrupt-too-long.shpack"),
                   os.path.join(BAD, "pyshp_corrupt_too_long"))
    pack_shapefile(os.path.join(dirs["import-shapefile"], "mapshaper-chinese.shpack"),
                   os.path.join(gbk, "chinese"))
    pack_shapefile(os.path.join(dirs["import-shapefile"], "mapshaper-gbk-dbf-only.shpack"),
                   os.path.join(gbk, "gbk"))

    # Projects: imported by greenreach-cli, with scenarios and targets.
    cuts = dirs["import-osm-pbf"]
    geojson = dirs["import-geojson"]

    def project(name, *sources, commands=()):
        path = os.path.join(tmp, name + ".gpkg")
        run(cli, "import", *sources, "-o", path)
        for command in commands:
            run(cli, *[path if a == "@" else a for a in command])
        out = os.path.join(dirs["project"], name + ".gpkg")
        shutil.copyfile(path, out)
        shrink_sqlite(out)

    project("monaco-gastaud", os.path.join(cuts, "monaco-gastaud.osm.pbf"))
    project("monaco-beaumarchais-scenarios",
            os.path.join(dirs["import-osm-xml"], "monaco-beaumarchais.osm"),
            commands=[
                ("scenario", "create", "@", "more parks"),
                ("scenario", "add-park", "@", "more parks", "--at", "7.4262,43.7386", "--lonlat",
                 "--area", "900", "--park-name", "口袋公园"),
                ("scenario", "add-park", "@", "more parks", "--at", "7.4258,43.7389", "--lonlat",
                 "--circle"),
                ("scenario", "remove", "@", "more parks", "--feature", "park:1"),
                ("scenario", "undo", "@", "more parks"),
                ("scenario", "create", "@", "fewer", "--from", "more parks"),
                ("scenario", "remove", "@", "fewer", "--feature", "green:1"),
            ])
    project("helsinki-population", os.path.join(dirs["import-osm-xml"], "helsinki.osm"),
            "population=" + os.path.join(geojson, "population.geojson"),
            commands=[("targets", "@", "service_radius_rate", "80", "--strict"),
                      ("targets", "@", "park_per_capita", "14.8"),
                      ("scenario", "create", "@", "empty")])
    project("geojson-sources", "park=" + os.path.join(geojson, "parks.geojson"),
            "walk=" + os.path.join(geojson, "paths.geojson"),
            "population=" + os.path.join(geojson, "population.geojson"))
    # A GeoPackage that is not a project.
    shutil.copyfile(os.path.join(dirs["import-gpkg"], "population.gpkg"),
                os.path.join(dirs["project"], "not-a-project.gpkg"))

    # Base maps: a few tiles of each, and the broken ones.
    def mbtiles(name, src, where, cut_to=None):
        out = os.path.join(dirs["mbtiles"], name + ".mbtiles")
        shutil.copyfile(src, out)
        sql = f"DELETE FROM map WHERE NOT ({where}); " \
              "DELETE FROM images WHERE tile_id NOT IN (SELECT tile_id FROM map);"
        if cut_to:
            sql += f"UPDATE images SET tile_data = substr(tile_data, 1, {cut_to});"
        for table in ("grid_utfgrid", "grid_key", "grids", "grid_data", "keymap"):
            sql += f"DELETE FROM {table};" if table_exists(out, table) else ""
        run("sqlite3", out, sql)
        shrink_sqlite(out)

    def table_exists(path, table):
        return subprocess.run(["sqlite3", path, f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{table}'"],
                              capture_output=True, text=True).stdout.strip() == "1"

    tiles = os.path.join(shared, "tiles")
    mbtiles("europe-z4", os.path.join(tiles, "europe-z4-8.mbtiles"),
            "zoom_level = 4 AND tile_column = 8 AND tile_row IN (10, 11)")
    mbtiles("washington-dc-webp", os.path.join(tiles, "washington-dc-z7-12-webp.mbtiles"),
            "zoom_level <= 8")
    mbtiles("mbtileserver-invalid-tile-format",
            os.path.join(BAD, "mbtileserver_invalid-tile-format.mbtiles"), "1", cut_to=2048)
    for f in ("mbtileserver_invalid.mbtiles", "node-mbtiles_corrupt.mbtiles"):
        shutil.copyfile(os.path.join(BAD, f), os.path.join(dirs["mbtiles"], f.replace("_", "-")))

    shutil.rmtree(tmp)
    big = [(p, os.path.getsize(os.path.join(d, p))) for d in dirs.values() for p in os.listdir(d)
           if os.path.getsize(os.path.join(d, p)) >= LIMIT]
    if big:
        sys.exit(f"seeds over 64 KiB: {big}")


if __name__ == "__main__":
    main()
