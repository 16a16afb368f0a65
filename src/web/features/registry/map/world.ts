import { queryOptions } from '@tanstack/react-query';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';

export type Country = Feature<Geometry, { name: string }>;

/**
 * Country outlines (Natural Earth 1:50m, from world-atlas), shipped with the app and served by Seedbed
 * itself: no tile server, no third-party request.
 */
export const worldQuery = queryOptions({
  queryKey: ['registry', 'world-atlas', '50m'],
  queryFn: async (): Promise<Country[]> => {
    const res = await fetch(atlasUrl);
    if (!res.ok) throw new Error(`world atlas: ${res.status}`);
    const topo = (await res.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
  },
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
});
