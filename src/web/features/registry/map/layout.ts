import { type GeoProjection, geoMercator } from 'd3-geo';
import type { MapPoint } from '../types';

export type PlacedPoint = MapPoint & { x: number; y: number };

/** What the map shows when there is nothing to fit: China and Pakistan. */
const DEFAULT_BOUNDS: [[number, number], [number, number]] = [
  [60, 18],
  [135, 50],
];
/** The smallest area the map zooms to (degrees), so one zone is shown with its surroundings. */
const MIN_SPAN = { lon: 10, lat: 7 };

function bounds(points: MapPoint[]): [[number, number], [number, number]] {
  if (points.length === 0) return DEFAULT_BOUNDS;
  let [x0, y0, x1, y1] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const p of points) {
    x0 = Math.min(x0, p.lon);
    x1 = Math.max(x1, p.lon);
    y0 = Math.min(y0, p.lat);
    y1 = Math.max(y1, p.lat);
  }
  const grow = (lo: number, hi: number, min: number) => (hi - lo >= min ? [lo, hi] : [(lo + hi - min) / 2, (lo + hi + min) / 2]);
  const [gx0, gx1] = grow(x0, x1, MIN_SPAN.lon);
  const [gy0, gy1] = grow(y0, y1, MIN_SPAN.lat);
  return [
    [gx0, Math.max(gy0, -80)],
    [gx1, Math.min(gy1, 84)],
  ];
}

/** A Mercator projection that fits the points (or China and Pakistan) into the drawing, with a margin. */
export function fitProjection(points: MapPoint[], width: number, height: number, margin = 48): GeoProjection {
  const [[x0, y0], [x1, y1]] = bounds(points);
  const corners = {
    type: 'MultiPoint' as const,
    coordinates: [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ],
  };
  return geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    corners,
  );
}

/**
 * Screen positions of the points. Records placed at the same spot (several incubators at a city's centre)
 * are spread on a small ring around it, so each stays visible and clickable.
 */
export function placePoints(points: MapPoint[], projection: GeoProjection): PlacedPoint[] {
  const groups = new Map<string, { x: number; y: number; members: MapPoint[] }>();
  for (const p of points) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const key = `${Math.round(xy[0] / 6)}:${Math.round(xy[1] / 6)}`;
    const g = groups.get(key) ?? { x: xy[0], y: xy[1], members: [] };
    g.members.push(p);
    groups.set(key, g);
  }
  const placed: PlacedPoint[] = [];
  for (const g of groups.values()) {
    const n = g.members.length;
    // Zones first, in the centre when there is exactly one; the rest around it.
    const sorted = [...g.members].sort((a, b) => (a.type === b.type ? 0 : a.type === 'zone' ? -1 : 1));
    const centred = n > 1 && sorted[0].type === 'zone' && sorted[1].type !== 'zone' ? 1 : 0;
    const ring = n - centred;
    const radius = n === 1 ? 0 : 9 + ring * 1.6;
    sorted.forEach((p, i) => {
      if (i < centred) {
        placed.push({ ...p, x: g.x, y: g.y });
        return;
      }
      const angle = ring === 1 ? -Math.PI / 2 : ((i - centred) / ring) * 2 * Math.PI - Math.PI / 2;
      placed.push({ ...p, x: g.x + (radius ? radius * Math.cos(angle) : 0), y: g.y + (radius ? radius * Math.sin(angle) : 0) });
    });
  }
  return placed;
}
