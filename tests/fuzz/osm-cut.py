#!/usr/bin/env python3
"""Cut a tiny OpenStreetMap extract, for the fuzz targets' seed corpus.

    osm-cut.py IN.osm|IN.osm.gz|IN.osm.pbf MINLON,MINLAT,MAXLON,MAXLAT OUT.osm|OUT.osm.pbf [KEY,…]

Keeps the ways with a node in the box (only those with one of the KEYs,
or members of a relation with one, if KEYs are given), with all their nodes, the tagged nodes in the box, and the
relations whose members are all kept; writes OSM XML or PBF (dense nodes,
zlib blobs). The standard library only: no osmium on a plain Debian.
"""
import gzip
import struct
import sys
import xml.etree.ElementTree as ET
import zlib
from xml.sax.saxutils import quoteattr

# ---- protobuf, as far as the OSM PBF format uses it ----


def read_varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, i


def fields(buf):
    """Yields (field number, wire type, value) of a message."""
    i = 0
    while i < len(buf):
        key, i = read_varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = read_varint(buf, i)
        elif wire == 2:
            n, i = read_varint(buf, i)
            value, i = buf[i:i + n], i + n
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"wire type {wire}")
        yield number, wire, value


def packed(buf):
    out, i = [], 0
    while i < len(buf):
        v, i = read_varint(buf, i)
        out.append(v)
    return out


def unzigzag(v):
    return (v >> 1) ^ -(v & 1)


def zigzag(v):
    return (v << 1) ^ (v >> 63)


def varint(v):
    v &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(number, value):
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    return varint(number << 3 | 2) + varint(len(value)) + value


def packed_field(number, values):
    return field(number, b"".join(varint(v) for v in values)) if values else b""


def deltas(values):
    out, last = [], 0
    for v in values:
        out.append(v - last)
        last = v
    return out


def undelta(values):
    out, last = [], 0
    for v in values:
        last += v
        out.append(last)
    return out


# ---- reading ----


def read_xml(path):
    nodes, ways, relations = {}, {}, {}
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        for _, el in ET.iterparse(f):
            tags = {t.get("k"): t.get("v") for t in el.findall("tag")}
            if el.tag == "node":
                nodes[int(el.get("id"))] = (float(el.get("lat")), float(el.get("lon")), tags)
            elif el.tag == "way":
                ways[int(el.get("id"))] = ([int(n.get("ref")) for n in el.findall("nd")], tags)
            elif el.tag == "relation":
                members = [(m.get("type"), int(m.get("ref")), m.get("role") or "")
                           for m in el.findall("member")]
                relations[int(el.get("id"))] = (members, tags)
            else:
                continue
            el.clear()
    return nodes, ways, relations


def read_pbf(path):
    nodes, ways, relations = {}, {}, {}
    data = open(path, "rb").read()
    i = 0
    while i < len(data):
        (n,) = struct.unpack(">I", data[i:i + 4])
        header = dict((k, v) for k, _, v in fields(data[i + 4:i + 4 + n]))
        i += 4 + n
        blob = dict((k, v) for k, _, v in fields(data[i:i + header[3]]))
        i += header[3]
        if header[1] != b"OSMData":
            continue
        block = zlib.decompress(blob[3]) if 3 in blob else blob[1]
        strings, groups, gran, lat_off, lon_off = [], [], 100, 0, 0
        for k, _, v in fields(block):
            if k == 1:
                strings = [s for kk, _, s in fields(v) if kk == 1]
            elif k == 2:
                groups.append(v)
            elif k == 17:
                gran = v
            elif k == 19:
                lat_off = v
            elif k == 20:
                lon_off = v
        s = [x.decode("utf-8") for x in strings]

        def coord(v, off):
            return (off + gran * v) * 1e-9

        for g in groups:
            for k, _, v in fields(g):
                if k == 2:  # dense nodes
                    d = {}
                    for kk, _, vv in fields(v):
                        d[kk] = vv
                    ids = undelta([unzigzag(x) for x in packed(d.get(1, b""))])
                    lats = undelta([unzigzag(x) for x in packed(d.get(8, b""))])
                    lons = undelta([unzigzag(x) for x in packed(d.get(9, b""))])
                    kv = packed(d.get(10, b""))
                    j = 0
                    for nid, la, lo in zip(ids, lats, lons):
                        tags = {}
                        while j < len(kv) and kv[j] != 0:
                            tags[s[kv[j]]] = s[kv[j + 1]]
                            j += 2
                        j += 1
                        nodes[nid] = (coord(la, lat_off), coord(lo, lon_off), tags)
                elif k == 3:  # way
                    d = {}
                    for kk, _, vv in fields(v):
                        d[kk] = vv
                    keys, vals = packed(d.get(2, b"")), packed(d.get(3, b""))
                    refs = undelta([unzigzag(x) for x in packed(d.get(8, b""))])
                    ways[d[1]] = (refs, {s[a]: s[b] for a, b in zip(keys, vals)})
                elif k == 4:  # relation
                    d = {}
                    for kk, _, vv in fields(v):
                        d[kk] = vv
                    keys, vals = packed(d.get(2, b"")), packed(d.get(3, b""))
                    roles = packed(d.get(8, b""))
                    ids = undelta([unzigzag(x) for x in packed(d.get(9, b""))])
                    types = packed(d.get(10, b""))
                    names = ["node", "way", "relation"]
                    members = [(names[t], m, s[r]) for r, m, t in zip(roles, ids, types)]
                    relations[d[1]] = (members, {s[a]: s[b] for a, b in zip(keys, vals)})
                elif k == 1:
                    raise ValueError("plain nodes are not read")
    return nodes, ways, relations


# ---- cutting ----


def cut(data, box, keys=None):
    nodes, ways, relations = data
    minlon, minlat, maxlon, maxlat = box

    def inside(n):
        lat, lon, _ = nodes[n]
        return minlat <= lat <= maxlat and minlon <= lon <= maxlon

    def wanted(tags):
        return keys is None or any(k in tags for k in keys)

    # The untagged outer and inner ways of a wanted multipolygon count as wanted.
    members_of_wanted = {m for members, tags in relations.values() if wanted(tags)
                         for t, m, _ in members if t == "way"}
    keep_ways = {w: ways[w] for w in ways
                 if all(n in nodes for n in ways[w][0]) and any(inside(n) for n in ways[w][0])
                 and (wanted(ways[w][1]) or w in members_of_wanted)}
    keep_nodes = {n for n in nodes if nodes[n][2] and inside(n)}
    for refs, _ in keep_ways.values():
        keep_nodes.update(refs)
    keep_rel = {}
    for r, (members, tags) in relations.items():
        if members and all((t == "way" and m in keep_ways) or (t == "node" and m in keep_nodes)
                           for t, m, _ in members):
            keep_rel[r] = (members, tags)
    return ({n: nodes[n] for n in sorted(keep_nodes)}, dict(sorted(keep_ways.items())),
            dict(sorted(keep_rel.items())))


# ---- writing ----


def tag_lines(tags):
    return "".join(f'    <tag k={quoteattr(k)} v={quoteattr(v)}/>\n' for k, v in tags.items())


def write_xml(data, path):
    nodes, ways, relations = data
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="osm-cut.py">\n']
    for n, (lat, lon, tags) in nodes.items():
        if tags:
            out.append(f'  <node id="{n}" lat="{lat:.7f}" lon="{lon:.7f}">\n{tag_lines(tags)}  </node>\n')
        else:
            out.append(f'  <node id="{n}" lat="{lat:.7f}" lon="{lon:.7f}"/>\n')
    for w, (refs, tags) in ways.items():
        nds = "".join(f'    <nd ref="{r}"/>\n' for r in refs)
        out.append(f'  <way id="{w}">\n{nds}{tag_lines(tags)}  </way>\n')
    for r, (members, tags) in relations.items():
        ms = "".join(f'    <member type="{t}" ref="{m}" role={quoteattr(role)}/>\n'
                     for t, m, role in members)
        out.append(f'  <relation id="{r}">\n{ms}{tag_lines(tags)}  </relation>\n')
    out.append("</osm>\n")
    open(path, "w", encoding="utf-8").write("".join(out))


def blob(kind, payload):
    body = field(2, len(payload)) + field(3, zlib.compress(payload, 9))
    header = field(1, kind) + field(3, len(body))
    return struct.pack(">I", len(header)) + header + body


def write_pbf(data, path):
    nodes, ways, relations = data
    strings = [""]
    index = {"": 0}

    def sid(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    kv = []
    for _, _, tags in nodes.values():
        for k, v in tags.items():
            kv += [sid(k), sid(v)]
        kv.append(0)
    dense = (packed_field(1, [zigzag(d) for d in deltas(list(nodes))])
             + packed_field(8, [zigzag(d) for d in deltas([round(lat * 1e7) for lat, _, _ in nodes.values()])])
             + packed_field(9, [zigzag(d) for d in deltas([round(lon * 1e7) for _, lon, _ in nodes.values()])])
             + packed_field(10, kv))
    groups = [field(2, dense)]
    way_msgs = b""
    for w, (refs, tags) in ways.items():
        way_msgs += field(3, field(1, w) + packed_field(2, [sid(k) for k in tags])
                          + packed_field(3, [sid(v) for v in tags.values()])
                          + packed_field(8, [zigzag(d) for d in deltas(refs)]))
    if way_msgs:
        groups.append(way_msgs)
    rel_msgs = b""
    types = {"node": 0, "way": 1, "relation": 2}
    for r, (members, tags) in relations.items():
        rel_msgs += field(4, field(1, r) + packed_field(2, [sid(k) for k in tags])
                          + packed_field(3, [sid(v) for v in tags.values()])
                          + packed_field(8, [sid(role) for _, _, role in members])
                          + packed_field(9, [zigzag(d) for d in deltas([m for _, m, _ in members])])
                          + packed_field(10, [types[t] for t, _, _ in members]))
    if rel_msgs:
        groups.append(rel_msgs)
    table = field(1, b"".join(field(1, s.encode("utf-8")) for s in strings))
    block = table + b"".join(field(2, g) for g in groups) + field(17, 100)
    header = field(4, b"OsmSchema-V0.6") + field(4, b"DenseNodes") + field(16, b"osm-cut.py")
    with open(path, "wb") as f:
        f.write(blob(b"OSMHeader", header))
        f.write(blob(b"OSMData", block))


def main():
    src, box, out = sys.argv[1], [float(x) for x in sys.argv[2].split(",")], sys.argv[3]
    keys = sys.argv[4].split(",") if len(sys.argv) > 4 else None
    data = cut(read_pbf(src) if src.endswith(".pbf") else read_xml(src), box, keys)
    (write_pbf if out.endswith(".pbf") else write_xml)(data, out)
    print(f"{out}: {len(data[0])} nodes, {len(data[1])} ways, {len(data[2])} relations")


if __name__ == "__main__":
    main()
