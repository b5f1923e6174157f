// Clip Natural Earth (world-atlas, 1:50m) to Hudna's region and write a small GeoJSON basemap.
// Run once by vendor.sh: node clip_region.js <node_modules> <out.geojson>. Public-domain data, see ../README.md.
"use strict";
const fs = require("fs");
const path = require("path");

const [modules, out] = process.argv.slice(2);
const topojson = require(path.join(modules, "topojson-client"));
const world = require(path.join(modules, "world-atlas", "countries-50m.json"));

const BOX = { west: 25, south: 10, east: 63, north: 42 }; // Levant, Iraq, Iran, the Gulf, the Red Sea, Yemen
const DIGITS = 3; // ~100 m: finer than the 1:50m source

const round = (v) => Math.round(v * 10 ** DIGITS) / 10 ** DIGITS;
const inside = {
  west: (p) => p[0] >= BOX.west, east: (p) => p[0] <= BOX.east,
  south: (p) => p[1] >= BOX.south, north: (p) => p[1] <= BOX.north,
};
function cross(a, b, edge) {
  const vertical = edge === "west" || edge === "east";
  const k = BOX[edge];
  const t = vertical ? (k - a[0]) / (b[0] - a[0]) : (k - a[1]) / (b[1] - a[1]);
  return vertical ? [k, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), k];
}

// Sutherland-Hodgman against each edge of the box: a ring stays a (possibly degenerate) ring.
function clipRing(ring) {
  let pts = ring;
  for (const edge of Object.keys(inside)) {
    const next = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i], prev = pts[(i + pts.length - 1) % pts.length];
      const cIn = inside[edge](cur), pIn = inside[edge](prev);
      if (cIn) { if (!pIn) next.push(cross(prev, cur, edge)); next.push(cur); }
      else if (pIn) next.push(cross(prev, cur, edge));
    }
    pts = next;
    if (!pts.length) return null;
  }
  return tidy(pts, true);
}

function tidy(points, closed) {
  const outPts = [];
  for (const p of points) {
    const q = [round(p[0]), round(p[1])];
    const last = outPts[outPts.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) outPts.push(q);
  }
  if (closed) {
    if (outPts.length < 3) return null;
    const f = outPts[0], l = outPts[outPts.length - 1];
    if (f[0] !== l[0] || f[1] !== l[1]) outPts.push(f);
  }
  return outPts.length >= 2 ? outPts : null;
}

// Lines: keep the runs of points inside the box (borders are short segments, so no interpolation needed).
function clipLine(line) {
  const runs = [];
  let run = [];
  for (const p of line) {
    const isIn = p[0] >= BOX.west && p[0] <= BOX.east && p[1] >= BOX.south && p[1] <= BOX.north;
    if (isIn) run.push(p);
    else if (run.length) { runs.push(run); run = []; }
  }
  if (run.length) runs.push(run);
  return runs.map((r) => tidy(r, false)).filter(Boolean);
}

function polygons(geometry) {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

function centroid(ring) {
  let x = 0, y = 0, a = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const f = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    x += (ring[i][0] + ring[i + 1][0]) * f; y += (ring[i][1] + ring[i + 1][1]) * f; a += f;
  }
  return [round(x / (3 * a)), round(y / (3 * a))];
}

const land = [];
for (const poly of polygons(topojson.merge(world, world.objects.countries.geometries))) {
  const rings = poly.map(clipRing).filter(Boolean);
  if (rings.length && Math.abs(ringArea(rings[0])) > 0.001) land.push(rings);
}
const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b).coordinates.flatMap(clipLine);

// A label point per country with enough area inside the box (at the centroid of its largest clipped part).
const labels = [];
for (const country of topojson.feature(world, world.objects.countries).features) {
  let best = null;
  for (const poly of polygons(country.geometry)) {
    const ring = clipRing(poly[0]);
    if (ring && (!best || Math.abs(ringArea(ring)) > Math.abs(ringArea(best)))) best = ring;
  }
  if (best && Math.abs(ringArea(best)) >= 1.0) {
    labels.push({ type: "Feature", properties: { kind: "label", name: country.properties.name }, geometry: { type: "Point", coordinates: centroid(best) } });
  }
}

const collection = {
  type: "FeatureCollection",
  bbox: [BOX.west, BOX.south, BOX.east, BOX.north],
  features: [
    { type: "Feature", properties: { kind: "land" }, geometry: { type: "MultiPolygon", coordinates: land } },
    { type: "Feature", properties: { kind: "border" }, geometry: { type: "MultiLineString", coordinates: borders } },
    ...labels,
  ],
};
fs.writeFileSync(out, JSON.stringify(collection));
console.log(`${out}: ${land.length} land polygons, ${borders.length} border lines, ${labels.length} labels, ${fs.statSync(out).size} bytes`);
