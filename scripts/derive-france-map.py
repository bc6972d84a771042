#!/usr/bin/env python3
"""Derive templates/data/france-regions.json (the outlines of the map of France) from the
IGN Admin Express GeoJSON of the 13 regions of metropolitan France, and
templates/data/france-departements.json (the 96 départements: name, région, outline) from
the GeoJSON of the départements.

Usage: scripts/derive-france-map.py [regions.geojson] [output.json] [departements.geojson] [departements.json]
  defaults: ../shared/data/france/regions-version-simplifiee.geojson (next to the repository)
            templates/data/france-regions.json
            ../shared/data/france/departements-version-simplifiee.geojson
            templates/data/france-departements.json

Python 3 standard library only. Steps:
1. project every (longitude, latitude) with Lambert-93 (EPSG:2154): Lambert conformal conic,
   two standard parallels, on the GRS80 ellipsoid. Formulas: J. P. Snyder, « Map
   Projections — A Working Manual », USGS Professional Paper 1395 (1987), p. 107-109,
   equations 14-15, 15-1, 15-2, 15-7, 15-8 and 15-9; parameters of Lambert-93 from IGN,
   « Projection cartographique conique conforme de Lambert », notice NT/G 71 (1995) and the
   decree n° 2000-1276 (RGF93): φ1 = 44°, φ2 = 49°, φ0 = 46.5°, λ0 = 3° E, X0 = 700 000 m,
   Y0 = 6 600 000 m. Castor applies the same formulas in Swift (Render/FranceMapData.swift)
   to place the markers.
2. simplify each ring with Douglas–Peucker at TOLERANCE metres (rings smaller than
   MIN_AREA square metres, tiny islets, are dropped);
3. scale into a viewBox WIDTH px wide (y downwards) and round to one decimal.
4. départements: the région of each is the région outline holding a point inside it (the
   source carries only the département's code and name); their outlines are simplified at
   DEPT_TOLERANCE metres (they are drawn larger, one région at a time, on the région's
   listing page), projected into the same viewBox and rounded to two decimals (about 20 m).
   The five overseas départements have no outline here: their région is written from the
   INSEE code list (COG 2018), so a rule can still tell that they are in no région of the map.

The source outlines are « IGN – Admin Express COG 2018 », under the Licence Ouverte (Etalab):
the attribution is written into the output and shown under every map.
"""
import json
import math
import os
import sys
import unicodedata

# GRS80 and Lambert-93.
A = 6378137.0
F = 1 / 298.257222101
E = math.sqrt(2 * F - F * F)
PHI1, PHI2, PHI0 = math.radians(44.0), math.radians(49.0), math.radians(46.5)
LAMBDA0 = math.radians(3.0)
X0, Y0 = 700000.0, 6600000.0

TOLERANCE = 1800.0  # metres
MIN_AREA = 60e6  # square metres (60 km²)
WIDTH = 600.0
DEPT_TOLERANCE = 500.0  # metres
DEPT_MIN_AREA = 20e6  # square metres (20 km²)
# Overseas départements (INSEE code → name, région): not in the metropolitan outlines.
OVERSEAS = [("971", "Guadeloupe"), ("972", "Martinique"), ("973", "Guyane"), ("974", "La Réunion"), ("976", "Mayotte")]
MARGIN = 4.0  # px around the outlines


def m(phi):
    """Snyder 14-15."""
    return math.cos(phi) / math.sqrt(1 - (E * math.sin(phi)) ** 2)


def t(phi):
    """Snyder 15-9."""
    s = E * math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (E / 2)


N = (math.log(m(PHI1)) - math.log(m(PHI2))) / (math.log(t(PHI1)) - math.log(t(PHI2)))  # 15-8
BIG_F = m(PHI1) / (N * t(PHI1) ** N)  # 15-10
RHO0 = A * BIG_F * t(PHI0) ** N  # 15-7 at φ0


def lambert93(lon, lat):
    """(longitude, latitude) in degrees → (X, Y) in metres (Snyder 15-1, 15-2, 15-7)."""
    rho = A * BIG_F * t(math.radians(lat)) ** N
    theta = N * (math.radians(lon) - LAMBDA0)
    return X0 + rho * math.sin(theta), Y0 + RHO0 - rho * math.cos(theta)


def douglas_peucker(points, tolerance):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tolerance=TOLERANCE):
    # A closed ring: split it in two halves so both ends are kept.
    points = ring[:-1] if ring[0] == ring[-1] else ring
    half = len(points) // 2
    first = douglas_peucker(points[: half + 1], tolerance)
    second = douglas_peucker(points[half:] + [points[0]], tolerance)
    return first[:-1] + second[:-1]


def polygons_of(feature):
    geometry = feature["geometry"]
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def inside(point, ring):
    """Even-odd ray casting: is (x, y) inside the ring?"""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def interior_point(ring):
    """A point inside a ring: the middle of the widest inside stretch of the horizontal line
    through the ring's vertical middle."""
    ys = [y for _, y in ring]
    y = (min(ys) + max(ys)) / 2 + 1e-9
    crossings = sorted(
        x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])
        if (y1 > y) != (y2 > y)
    )
    pairs = list(zip(crossings[::2], crossings[1::2]))
    a, b = max(pairs, key=lambda p: p[1] - p[0])
    return ((a + b) / 2, y)


def region_of(feature, region_features):
    """The région whose outline holds a point inside the département's largest ring."""
    largest = max((poly[0] for poly in polygons_of(feature)), key=lambda r: area([tuple(p) for p in r]))
    point = interior_point([tuple(p) for p in largest])
    for region in region_features:
        for polygon in polygons_of(region):
            if inside(point, [tuple(p) for p in polygon[0]]) and not any(inside(point, [tuple(p) for p in hole]) for hole in polygon[1:]):
                return region
    raise SystemExit(f"département {feature['properties']['code']} : aucune région ne le contient")


def area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def slug(name):
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    out, dash = [], False
    for ch in text:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared", "data", "france", "regions-version-simplifiee.geojson")
    if not os.path.exists(source):
        source = "/work/shared/data/france/regions-version-simplifiee.geojson"
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(repo, "templates", "data", "france-regions.json")
    with open(source, encoding="utf-8") as f:
        features = json.load(f)["features"]
    dept_source = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(source), "departements-version-simplifiee.geojson")
    dept_output = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(output), "france-departements.json")

    regions = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = []
        for polygon in polygons:
            for ring in polygon:
                projected = [lambert93(lon, lat) for lon, lat in ring]
                if area(projected) < MIN_AREA:
                    continue
                simplified = simplify_ring(projected)
                if len(simplified) >= 3:
                    rings.append(simplified)
        props = feature["properties"]
        regions.append({"code": props["code"], "name": props["nom"], "slug": slug(props["nom"]), "rings": rings})

    xs = [x for r in regions for ring in r["rings"] for x, _ in ring]
    ys = [y for r in regions for ring in r["rings"] for _, y in ring]
    xmin, xmax, ymin, ymax = min(xs), max(xs), min(ys), max(ys)
    scale = (WIDTH - 2 * MARGIN) / (xmax - xmin)  # px per metre
    height = math.ceil((ymax - ymin) * scale + 2 * MARGIN)
    origin_x = xmin - MARGIN / scale
    origin_y = ymax + MARGIN / scale

    def fmt(value):
        text = f"{value:.1f}"
        return text[:-2] if text.endswith(".0") else text

    out = []
    for region in sorted(regions, key=lambda r: r["slug"]):
        parts = []
        for ring in region["rings"]:
            coords = [(fmt((x - origin_x) * scale), fmt((origin_y - y) * scale)) for x, y in ring]
            # Drop points equal to the previous one once rounded.
            kept = [coords[0]] + [c for p, c in zip(coords, coords[1:]) if c != p]
            parts.append("M" + "L".join(f"{x} {y}" for x, y in kept) + "Z")
        out.append({"slug": region["slug"], "name": region["name"], "code": region["code"], "path": "".join(parts)})

    data = {
        "attribution": "Contours : IGN – Admin Express COG 2018, Licence Ouverte (Etalab)",
        "source": "IGN Admin Express COG 2018 (régions), GeoJSON de gregoiredavid/france-geojson ; dérivé par scripts/derive-france-map.py",
        "projection": {
            "name": "Lambert-93 (EPSG:2154)",
            "ellipsoid": {"a": A, "f": "1/298.257222101"},
            "phi1": 44.0, "phi2": 49.0, "phi0": 46.5, "lambda0": 3.0, "x0": X0, "y0": Y0,
        },
        "simplification": {"douglasPeucker": TOLERANCE, "minimumArea": MIN_AREA},
        "viewBox": {"width": WIDTH, "height": height},
        # px = (X - originX) * scale ; py = (originY - Y) * scale  (X, Y in Lambert-93 metres)
        "transform": {"originX": round(origin_x, 1), "originY": round(origin_y, 1), "scale": scale},
        "regions": out,
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    size = sum(len(r["path"]) for r in out)
    print(f"{output}: {len(out)} régions, {size} caractères de tracés, viewBox 0 0 {int(WIDTH)} {height}")
    derive_departements(dept_source, dept_output, features, data)


def derive_departements(source, output, region_features, regions_data):
    """templates/data/france-departements.json: each département's code (as the site's
    `departements` list writes it: lower case, `2a`), name, région (slug and name) and
    outline, in the viewBox of france-regions.json."""
    with open(source, encoding="utf-8") as f:
        features = json.load(f)["features"]
    transform = regions_data["transform"]
    origin_x, origin_y, scale = transform["originX"], transform["originY"], transform["scale"]

    def fmt(value):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text

    out = []
    for feature in features:
        props = feature["properties"]
        region = region_of(feature, region_features)["properties"]["nom"]
        parts = []
        for polygon in polygons_of(feature):
            for ring in polygon:
                projected = [lambert93(lon, lat) for lon, lat in ring]
                if area(projected) < DEPT_MIN_AREA:
                    continue
                simplified = simplify_ring(projected, DEPT_TOLERANCE)
                if len(simplified) < 3:
                    continue
                coords = [(fmt((x - origin_x) * scale), fmt((origin_y - y) * scale)) for x, y in simplified]
                kept = [coords[0]] + [c for p, c in zip(coords, coords[1:]) if c != p]
                parts.append("M" + "L".join(f"{x} {y}" for x, y in kept) + "Z")
        out.append({"code": props["code"].lower(), "name": props["nom"], "region": slug(region), "regionName": region, "path": "".join(parts)})
    for code, name in OVERSEAS:
        out.append({"code": code, "name": name, "region": slug(name), "regionName": name, "path": ""})
    out.sort(key=lambda d: d["code"])
    data = {
        "attribution": regions_data["attribution"],
        "source": "IGN Admin Express COG 2018 (départements), GeoJSON de gregoiredavid/france-geojson ; "
        + "région de chaque département : la région dont le contour contient le département ; dérivé par scripts/derive-france-map.py",
        "simplification": {"douglasPeucker": DEPT_TOLERANCE, "minimumArea": DEPT_MIN_AREA},
        "departements": out,
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    size = sum(len(d["path"]) for d in out)
    print(f"{output}: {len(out)} départements, {size} caractères de tracés")


if __name__ == "__main__":
    main()
