import { describe, expect, it } from 'vitest';
import { compositeIndex } from './ranking';

describe('compositeIndex', () => {
  it('min–max scales each indicator across zones and weights the parts (weights normalised to sum 1)', () => {
    // revenue 100..300, patents 10..50; weights 3:1 → 0.75, 0.25
    const { weights, rows } = compositeIndex(
      [
        { id: 'a', values: { revenue: 100, patents: 50 } },
        { id: 'b', values: { revenue: 300, patents: 10 } },
        { id: 'c', values: { revenue: 200, patents: 30 } },
      ],
      { revenue: 3, patents: 1 },
    );
    expect(weights).toEqual({ revenue: 0.75, patents: 0.25 });
    expect(rows.map((r) => r.id)).toEqual(['b', 'c', 'a']);
    const [b, c, a] = rows;
    expect(b).toMatchObject({ rank: 1, score: 0.75, parts: { revenue: 0.75, patents: 0 }, values: { revenue: 300, patents: 10 } });
    expect(c.rank).toBe(2);
    expect(c.score).toBeCloseTo(0.75 * 0.5 + 0.25 * 0.5, 12);
    expect(a).toMatchObject({ rank: 3, score: 0.25, parts: { revenue: 0, patents: 0.25 } });
    for (const r of rows)
      expect(r.score).toBeCloseTo(
        Object.values(r.parts).reduce<number>((s, p) => s + (p ?? 0), 0),
        12,
      );
  });

  it('scores a missing value 0 for that part and reports it as null', () => {
    const { rows } = compositeIndex(
      [
        { id: 'a', values: { x: 10, y: 5 } },
        { id: 'b', values: { x: 20, y: null } },
        { id: 'c', values: { x: 0 } },
      ],
      { x: 1, y: 1 },
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.b.parts).toEqual({ x: 0.5, y: null });
    expect(byId.b.values).toEqual({ x: 20, y: null });
    expect(byId.c.parts).toEqual({ x: 0, y: null });
    expect(byId.c.values).toEqual({ x: 0, y: null });
    // y has one value only: max = min, which scores 1 (nothing to tell zones apart, but it is there)
    expect(byId.a.parts).toEqual({ x: 0.25, y: 0.5 });
    expect(rows.map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('gives tied scores the same rank and skips the ranks they take (1, 2, 2, 4)', () => {
    const { rows } = compositeIndex(
      [
        { id: 'top', values: { x: 4 } },
        { id: 'tie1', values: { x: 2 } },
        { id: 'tie2', values: { x: 2 } },
        { id: 'last', values: { x: 0 } },
      ],
      { x: 2 },
    );
    expect(rows.map((r) => [r.id, r.rank, r.score])).toEqual([
      ['top', 1, 1],
      ['tie1', 2, 0.5],
      ['tie2', 2, 0.5],
      ['last', 4, 0],
    ]);
  });

  it('treats scores equal up to rounding as tied', () => {
    // weights 1 : 2 : 7 → 0.1, 0.2, 0.7; a scores 0.1 + 0.2 = 0.30000000000000004, b scores 0.7 × 3/7 = 0.3
    const { rows } = compositeIndex(
      [
        { id: 'top', values: { x: 0, y: 0, z: 7 } },
        { id: 'a', values: { x: 1, y: 1, z: 0 } },
        { id: 'b', values: { x: 0, y: 0, z: 3 } },
        { id: 'min', values: { x: 0, y: 0, z: 0 } },
      ],
      { x: 1, y: 2, z: 7 },
    );
    expect(rows.map((r) => [r.id, r.rank])).toEqual([
      ['top', 1],
      ['a', 2],
      ['b', 2],
      ['min', 4],
    ]);
  });

  it('leaves out indicators weighted 0 and ranks every zone equal when all values are equal', () => {
    const { weights, rows } = compositeIndex(
      [
        { id: 'a', values: { x: 7, z: 1 } },
        { id: 'b', values: { x: 7, z: 100 } },
      ],
      { x: 5, z: 0 },
    );
    expect(weights).toEqual({ x: 1, z: 0 });
    expect(rows.map((r) => [r.id, r.rank, r.score, r.parts])).toEqual([
      ['a', 1, 1, { x: 1 }],
      ['b', 1, 1, { x: 1 }],
    ]);
  });

  it('handles no zones, and refuses weights that are all 0', () => {
    expect(compositeIndex([], { x: 1 }).rows).toEqual([]);
    expect(() => compositeIndex([{ id: 'a', values: { x: 1 } }], { x: 0 })).toThrow();
  });

  it('does not depend on the scale of an indicator (scaling by a constant leaves the ranking unchanged)', () => {
    const zones = [
      { id: 'a', values: { r: 120, p: 3 } },
      { id: 'b', values: { r: 80, p: 9 } },
      { id: 'c', values: { r: 100, p: 6 } },
    ];
    const scaled = zones.map((z) => ({ id: z.id, values: { r: z.values.r * 1000, p: z.values.p } }));
    const one = compositeIndex(zones, { r: 1, p: 2 }).rows;
    const two = compositeIndex(scaled, { r: 1, p: 2 }).rows;
    expect(two.map((r) => [r.id, r.rank])).toEqual(one.map((r) => [r.id, r.rank]));
    for (const [i, r] of two.entries()) expect(r.score).toBeCloseTo(one[i].score, 12);
  });
});
