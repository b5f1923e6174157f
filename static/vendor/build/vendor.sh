#!/usr/bin/env bash
# Re-vendor the map's browser assets from the npm registry (run by hand when upgrading; the app never downloads).
# Usage: bash static/vendor/build/vendor.sh   (needs node + npm; writes into static/vendor/)
set -euo pipefail
VENDOR="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund leaflet@1.9.4 leaflet.markercluster@1.5.3 jquery@3.7.1 leaflet.heat@0.2.0 \
  leaflet-timedimension@1.1.1 iso8601-js-period@0.2.1 world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
M="$WORK/node_modules"

copy() { mkdir -p "$VENDOR/$1"; shift; cp "$@"; }
copy leaflet "$M"/leaflet/dist/leaflet.js "$M"/leaflet/dist/leaflet.css "$M"/leaflet/LICENSE "$VENDOR/leaflet/"
mkdir -p "$VENDOR/leaflet/images" && cp "$M"/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
copy leaflet.markercluster "$M"/leaflet.markercluster/dist/leaflet.markercluster.js \
  "$M"/leaflet.markercluster/dist/MarkerCluster.css "$M"/leaflet.markercluster/dist/MarkerCluster.Default.css \
  "$M"/leaflet.markercluster/MIT-LICENCE.txt "$VENDOR/leaflet.markercluster/"
copy jquery "$M"/jquery/dist/jquery.min.js "$M"/jquery/LICENSE.txt "$VENDOR/jquery/"
copy leaflet.heat "$M"/leaflet.heat/dist/leaflet-heat.js "$M"/leaflet.heat/LICENSE "$VENDOR/leaflet.heat/"
copy leaflet-timedimension "$M"/leaflet-timedimension/dist/leaflet.timedimension.min.js \
  "$M"/leaflet-timedimension/LICENSE "$VENDOR/leaflet-timedimension/"
# The control's CSS loads the Glyphicons font from a CDN: drop that @font-face (offline, it is a failed
# request on every map) and draw the buttons with plain Unicode symbols instead.
sed -e 's#@font-face{[^}]*}##' -e 's#font-family:"Glyphicons Halflings"#font-family:inherit#' \
  -e 's#\\e072#\\25B6#g' -e 's#\\e073#\\2016#g' -e 's#\\e074#\\25A0#g' -e 's#\\e075#\\00BB#g' \
  -e 's#\\e071#\\00AB#g' -e 's#\\e030#\\21BB#g' -e 's#\\e031#\\25CC#g' -e 's#\\e141#\\00D7#g' \
  "$M"/leaflet-timedimension/dist/leaflet.timedimension.control.min.css \
  > "$VENDOR/leaflet-timedimension/leaflet.timedimension.control.css"
copy iso8601-js-period "$M"/iso8601-js-period/iso8601.js "$VENDOR/iso8601-js-period/"
copy natural-earth "$M"/world-atlas/LICENSE "$VENDOR/natural-earth/world-atlas-LICENSE"
node "$VENDOR/build/clip_region.js" "$M" "$VENDOR/natural-earth/region.geojson"
# The minified files end with a sourceMappingURL comment; the maps are not vendored, so drop the comment.
sed -i '/^\/\/# sourceMappingURL=/d' "$VENDOR"/leaflet/leaflet.js "$VENDOR"/leaflet.markercluster/leaflet.markercluster.js
if grep -rlE 'https?://|//netdna|//cdn' "$VENDOR"/leaflet-timedimension/*.css; then
  echo "a vendored CSS still points at a remote URL" >&2; exit 1
fi
du -ck "$VENDOR"/{leaflet,leaflet.markercluster,jquery,leaflet.heat,leaflet-timedimension,iso8601-js-period,natural-earth} | tail -1
