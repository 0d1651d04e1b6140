"""Write static/topojson/small_state_points.csv: a point for each State too small for world_110m.

The 1:110m shapes that keep maps fast omit about 28 UN members (small island and micro States), which
cast votes like any other. This derives one point per such State (the mean of its 1:50m outline
vertices) from the bundled world_50m.json, so vote maps can mark them. Run after fetch_topojson.sh.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPOJSON = ROOT / "static" / "topojson"


def geometry_ids(topology: dict) -> set[str]:
    return {g["id"] for obj in topology["objects"].values() for g in obj.get("geometries", []) if "id" in g}


def decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale = topology.get("transform", {}).get("scale", [1, 1])
    shift = topology.get("transform", {}).get("translate", [0, 0])
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantized topojson stores deltas
            x, y = x + dx, y + dy
            points.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        arcs.append(points)
    return arcs


def ring_indexes(arcs_field) -> list[int]:
    if isinstance(arcs_field, int):
        return [arcs_field]
    return [i for item in arcs_field for i in ring_indexes(item)]


def main() -> int:
    coarse = json.loads((TOPOJSON / "world_110m.json").read_text())
    fine = json.loads((TOPOJSON / "world_50m.json").read_text())
    present = geometry_ids(coarse)
    states = [r["iso3"] for r in csv.DictReader((ROOT / "data" / "states.csv").open(encoding="utf-8"))]
    arcs = decoded_arcs(fine)
    rows = []
    for obj in fine["objects"].values():
        for geometry in obj.get("geometries", []):
            iso3 = geometry.get("id")
            if iso3 not in states or iso3 in present or "arcs" not in geometry:
                continue
            points = [p for i in ring_indexes(geometry["arcs"]) for p in arcs[i if i >= 0 else ~i]]
            lons = [p[0] for p in points]
            if max(lons) - min(lons) > 180:  # islands on both sides of the antimeridian (Kiribati)
                lons = [x + 360 if x < 0 else x for x in lons]
            lon = sum(lons) / len(lons)
            lon = lon - 360 if lon > 180 else lon
            lat = sum(p[1] for p in points) / len(points)
            rows.append((iso3, round(lon, 3), round(lat, 3)))
    with (TOPOJSON / "small_state_points.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["iso3", "lon", "lat"])
        writer.writerows(sorted(rows))
    missing = sorted(set(states) - present - {r[0] for r in rows})
    print(f"{len(rows)} points written; not in either file: {', '.join(missing) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
