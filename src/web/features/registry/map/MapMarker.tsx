import type { PlacedPoint } from './layout';

export const MARKER_COLORS = { zone: '#0b7285', incubator: '#c2410c' } as const;

type Props = { point: PlacedPoint; active: boolean; emphasised: boolean; onEnter: () => void; onLeave: () => void; onOpen: () => void };

/** A zone (diamond) or an incubator (circle); dashed when its position is only its city's centre. */
export function MapMarker({ point, active, emphasised, onEnter, onLeave, onOpen }: Props) {
  const size = (emphasised ? 1.5 : 1) * (active ? 1.3 : 1);
  const common = {
    fill: MARKER_COLORS[point.type],
    stroke: '#fff',
    strokeWidth: 1.5,
    strokeDasharray: point.approximate ? '2 1.5' : undefined,
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer shortcut only; keyboard users open the same record from the list of points
    <g
      transform={`translate(${point.x.toFixed(1)} ${point.y.toFixed(1)})`}
      data-testid="map-point"
      data-point-type={point.type}
      data-point-id={point.id}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
      onClick={onOpen}
      style={{ cursor: 'pointer' }}
    >
      {active && <circle r={13 * size} fill="none" stroke="#212529" strokeWidth={2} />}
      {point.type === 'zone' ? (
        <rect x={-6 * size} y={-6 * size} width={12 * size} height={12 * size} transform="rotate(45)" {...common} />
      ) : (
        <circle r={5.5 * size} {...common} />
      )}
    </g>
  );
}
