import { Button, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectorSelect } from './components/SectorSelect';
import { DEAL_FORMS, LISTING_LANGUAGES } from '../../../shared/contracts/techmarket';
import { LANGUAGE_NAMES } from '../../app/language';
import { useLanguage } from '../../app/useLanguage';
import { nameText } from '../registry/names';
import { countriesQuery } from '../registry/queries';
import { useMarketLabels } from './labels';
import { activeFilters, type MarketSearch } from './search';

const TRLS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const num = (v: string | null) => (v ? Number(v) : undefined);

/** The market's filters; every change goes to the address (and back to the first page). */
export function MarketFilters({ search, onChange }: { search: MarketSearch; onChange: (patch: Partial<MarketSearch>) => void }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  const countries = useQuery(countriesQuery).data?.items ?? [];
  const set = (patch: Partial<MarketSearch>) => onChange({ ...patch, offset: undefined });
  const n = activeFilters(search);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="market-filters-title" data-testid="market-filters">
      <Stack gap="sm">
        <Title order={2} size="h4" id="market-filters-title">
          {t('market.filters')}
        </Title>
        <div>
          <Text size="sm" fw={500} id="market-kind-label" mb={4}>
            {t('market.kind')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="market-kind-label"
            value={search.kind ?? 'all'}
            onChange={(v) => set({ kind: v === 'offer' || v === 'need' ? v : undefined })}
            data={[
              { value: 'all', label: t('market.kindAll') },
              { value: 'offer', label: t('market.kindOffers') },
              { value: 'need', label: t('market.kindNeeds') },
            ]}
            data-testid="filter-kind"
          />
        </div>
        <SectorSelect
          label={t('market.sector')}
          placeholder={t('market.any')}
          value={search.sector ?? null}
          onChange={(v) => set({ sector: v ?? undefined })}
          testId="filter-sector"
        />
        <Select
          label={t('market.country')}
          placeholder={t('market.any')}
          data={countries.map((c) => ({ value: c.code, label: nameText(c.names, lng) }))}
          value={search.country ?? null}
          onChange={(v) => set({ country: v ?? undefined })}
          clearable
          searchable
          data-testid="filter-country"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('market.language')}
          description={t('market.languageHint')}
          placeholder={t('market.any')}
          data={LISTING_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={search.language ?? null}
          onChange={(v) => set({ language: (v as MarketSearch['language']) ?? undefined })}
          clearable
          data-testid="filter-language"
          comboboxProps={{ withinPortal: true }}
        />
        <fieldset className="seedbed-plain-fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" size="sm" fw={500} mb={4}>
            {t('market.trl')}
          </Text>
          <SimpleGrid cols={2} spacing="xs">
            <Select
              label={t('market.trlFrom')}
              placeholder={t('market.any')}
              data={TRLS}
              value={search.trlMin ? String(search.trlMin) : null}
              onChange={(v) => set({ trlMin: num(v) })}
              clearable
              data-testid="filter-trl-min"
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('market.trlTo')}
              placeholder={t('market.any')}
              data={TRLS}
              value={search.trlMax ? String(search.trlMax) : null}
              onChange={(v) => set({ trlMax: num(v) })}
              clearable
              data-testid="filter-trl-max"
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
        </fieldset>
        <Select
          label={t('market.dealForm')}
          placeholder={t('market.any')}
          data={DEAL_FORMS.map((f) => ({ value: f, label: labels.dealForm(f) }))}
          value={search.dealForm ?? null}
          onChange={(v) => set({ dealForm: (v as MarketSearch['dealForm']) ?? undefined })}
          clearable
          data-testid="filter-deal-form"
          comboboxProps={{ withinPortal: true }}
        />
        {n > 0 && (
          <Button
            variant="subtle"
            onClick={() =>
              set({ kind: undefined, sector: undefined, country: undefined, language: undefined, trlMin: undefined, trlMax: undefined, dealForm: undefined })
            }
            data-testid="filter-clear"
          >
            {t('market.clear', { count: n })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
