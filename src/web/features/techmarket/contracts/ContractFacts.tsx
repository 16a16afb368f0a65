import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { SyntheticBadge } from '../../registry/components/SyntheticBadge';
import { Script } from '../components/Script';
import { StatusBadge } from '../components/StatusBadge';
import { formatDay, formatMoney } from '../format';
import { useMarketLabels } from '../labels';
import type { TechContract } from '../queries';

/** A contract as registered or to be registered: kind, parties with countries, money, dates, agency, certificate. */
export function ContractFacts({ contract: c, headingLevel = 2 }: { contract: TechContract; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  const row = (key: string, label: string, value: React.ReactNode) => (
    <Table.Tr key={key} data-testid={`contract-fact-${key}`}>
      <Table.Th scope="row" w="35%" fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="md" data-testid="contract-facts" data-contract-id={c.id} data-status={c.status}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={headingLevel} size="h4" dir="auto">
          {c.title}
        </Title>
        <Group gap="xs">
          <StatusBadge of="contract" status={c.status} testId="contract-status" />
          {c.crossBorder && (
            <Badge color="blue" variant="light" tt="none">
              {t('contracts.crossBorder')}
            </Badge>
          )}
          <SyntheticBadge synthetic={c.synthetic} />
        </Group>
      </Group>
      <Table>
        <Table.Tbody>
          {row('kind', t('contracts.kind'), `${labels.contractKind(c.kind)} · ${labels.subtype(c.subtype)}`)}
          {c.certificateNo &&
            row(
              'certificate',
              t('contracts.certificate'),
              <Text span ff="monospace" dir="ltr" data-testid="contract-certificate">
                {c.certificateNo}
              </Text>,
            )}
          {c.parties.map((p, i) =>
            row(
              `party-${i}`,
              labels.partyRole(p.role),
              <span>
                <Script>{p.name}</Script> · {labels.country(p.country)}
              </span>,
            ),
          )}
          {row('amount', t('contracts.amount'), formatMoney(c.amount, c.currency, lng))}
          {row('techIncome', t('contracts.techIncome'), formatMoney(c.techIncome, c.currency, lng))}
          {row('sector', t('contracts.sector'), labels.sector(c.sector))}
          {c.region && row('region', t('contracts.region'), labels.division(c.region) || c.region)}
          {row('signedOn', t('contracts.signedOn'), formatDay(c.signedOn, lng))}
          {(c.startsOn || c.endsOn) && row('term', t('contracts.term'), `${formatDay(c.startsOn, lng)} – ${formatDay(c.endsOn, lng)}`)}
          {row('agency', t('contracts.agency'), <Script>{c.agency.name}</Script>)}
          {c.registeredAt && row('registeredAt', t('contracts.registeredAt'), formatDay(c.registeredAt, lng))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
