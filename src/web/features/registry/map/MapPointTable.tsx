import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../components/Name';
import { PLURAL } from '../entityTypes';
import type { MapPoint } from '../types';
import { useLabels } from '../useLabels';
import { AnchorLink } from '../components/AnchorLink';

type Props = { title: string; points: MapPoint[]; onFocusPoint: (id: string | null) => void };

/**
 * The map's points as a table for screen readers and keyboards: each name links to the record; focusing a
 * link shows its point on the map.
 */
export function MapPointTable({ title, points, onFocusPoint }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  return (
    <VisuallyHidden>
      <table data-testid="map-point-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.fields.name')}</th>
            <th scope="col">{t('registry.fields.type')}</th>
            <th scope="col">{t('registry.fields.kind')}</th>
            <th scope="col">{t('registry.fields.coordinates')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.type}:${p.id}`} data-point-type={p.type}>
              <td>
                <AnchorLink
                  to="/directory/$type/$id"
                  params={{ type: PLURAL[p.type], id: p.id }}
                  onFocus={() => onFocusPoint(p.id)}
                  onBlur={() => onFocusPoint(null)}
                >
                  <Name names={p.names} />
                </AnchorLink>
              </td>
              <td>{labels.type(p.type)}</td>
              <td>{labels.kind(p.kind)}</td>
              <td>
                <span dir="ltr">{`${formatNumber(p.lat, lng)}, ${formatNumber(p.lon, lng)}`}</span>
                {p.approximate && ` (${t('registry.map.approximate')})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
