import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { useLanguage } from '../../../app/useLanguage';
import type { EntityDetail, Summary } from '../types';
import { useLabels } from '../useLabels';
import { type RelationItem, RelationList } from './RelationList';
import { AnchorLink } from '../components/AnchorLink';

const one = (s: Summary | null | undefined): RelationItem[] => (s ? [{ entity: s }] : []);
const en = (text: string | null | undefined) => (text ? <span lang="en">{text}</span> : null);

/** What the record is linked to: zone → member parks → incubators → tenants; people; governance. */
export function Relations({ entity }: { entity: EntityDetail }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  const r = entity.relations;
  const governance = r.governance ?? [];
  return (
    <Stack gap="md" data-testid="relations">
      <RelationList title={t('registry.relations.parent')} items={one(r.parent)} testId="parent" />
      <RelationList title={t('registry.relations.governingBody')} items={one(r.governingBody)} testId="governing-body" />
      <RelationList title={t('registry.relations.hostZone')} items={one(r.hostZone)} testId="host-zone" />
      <RelationList title={t('registry.relations.incubator')} items={one(r.incubator)} testId="incubator" />
      <RelationList title={t('registry.relations.memberParks')} items={(r.memberParks ?? []).map((entity) => ({ entity }))} testId="member-parks" />
      <RelationList title={t('registry.relations.incubators')} items={(r.incubators ?? []).map((entity) => ({ entity }))} testId="incubators" />
      <RelationList
        title={t('registry.relations.tenants')}
        items={(r.tenants ?? []).map((entity) => ({
          entity,
          note: [labels.stage(entity.stage), entity.tenancyStatus ? t(`registry.tenancy.${entity.tenancyStatus}`) : ''].filter(Boolean).join(' · '),
        }))}
        testId="tenants"
      />
      {typeof r.enterpriseCount === 'number' && (
        <Text data-testid="enterprise-count">
          {r.enterpriseCount > 0 ? (
            <AnchorLink to="/directory/$type" params={{ type: 'enterprises' }} search={{ zoneId: entity.id }}>
              {t('registry.relations.enterpriseCount', { count: r.enterpriseCount, formatted: formatNumber(r.enterpriseCount, lng) })}
            </AnchorLink>
          ) : (
            t('registry.relations.enterpriseCount', { count: 0, formatted: formatNumber(0, lng) })
          )}
        </Text>
      )}
      <RelationList title={t('registry.relations.children')} items={(r.children ?? []).map((entity) => ({ entity }))} testId="children" />
      <RelationList
        title={t('registry.relations.members')}
        items={(r.members ?? []).map((m) => ({ entity: m.person, note: en(m.position) }))}
        testId="members"
      />
      <RelationList
        title={t('registry.relations.affiliations')}
        items={(r.affiliations ?? []).map((a) => ({ entity: a.org, note: en(a.position) }))}
        testId="affiliations"
      />
      <RelationList
        title={t('registry.relations.overseenBy')}
        items={governance
          .filter((g) => g.direction === 'overseenBy')
          .map((g) => ({ entity: g.other, note: t(`registry.governanceRelations.${g.relation}`, { defaultValue: g.relation }) }))}
        testId="overseen-by"
      />
      <RelationList
        title={t('registry.relations.oversees')}
        items={governance
          .filter((g) => g.direction === 'oversees')
          .map((g) => ({ entity: g.other, note: t(`registry.governanceRelations.${g.relation}`, { defaultValue: g.relation }) }))}
        testId="oversees"
      />
    </Stack>
  );
}
