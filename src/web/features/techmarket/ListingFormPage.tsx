import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden } from './components/Forbidden';
import { SectorSelect } from './components/SectorSelect';
import { CURRENCIES, DEAL_FORMS, IP_STATUSES, IP_TYPES } from '../../../shared/contracts/techmarket';
import { ApiError } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { PageTitle } from '../../app/components/PageTitle';
import { fieldErrors, nestedErrors } from '../../app/forms';
import { notify } from '../../app/notify';
import { useLanguage } from '../../app/useLanguage';
import { useMarketAccess } from './access';
import { type Org, OrgPicker } from './components/OrgPicker';
import { Script } from './components/Script';
import { StatusBadge } from './components/StatusBadge';
import { useMarketLabels } from './labels';
import { emptyDraft, fromListing, type ListingDraft, toListingInput, toListingPatch } from './listingDraft';
import { ListingTextsTabs } from './ListingTextsTabs';
import { createListing, EDITABLE_STATUSES, type Listing, listingQuery, submitListing, TM, updateListing } from './queries';
import { submitWith } from './submit';
import { isListingLanguage, type ListingLanguage } from './text';

const FIELDS = ['kind', 'texts', 'ownerType', 'ownerId', 'sector', 'keywords', 'trl', 'dealForms', 'ip', 'budget', 'currency', 'deadline', 'version'] as const;
const TRLS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A new listing: offer or need (`?kind=need`), in the reader's language to begin with. */
export function NewListingPage() {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const { kind } = useSearch({ strict: false }) as { kind?: string };
  const { canList } = useMarketAccess();
  if (!canList) return <Forbidden message={t('form.notAllowed')} />;
  return (
    <>
      <PageTitle>{t('form.newTitle')}</PageTitle>
      <ListingForm initial={emptyDraft(kind === 'need' ? 'need' : 'offer', lng)} firstLanguage={lng} />
    </>
  );
}

/** The owner changes a listing; a published one goes back to moderation when its texts change (the API decides). */
export function EditListingPage() {
  const { t } = useTranslation('techmarket');
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(listingQuery(id));
  if (q.isLoading) return <Loader size="sm" role="status" aria-label={t('status.loading')} />;
  if (!q.data) return <ApiErrorAlert error={q.error} />;
  if (q.data.access !== 'owner' && q.data.access !== 'moderator') return <Forbidden message={t('form.notAllowed')} />;
  const first = q.data.languages.find(isListingLanguage) ?? 'en';
  return (
    <>
      <PageTitle actions={<StatusBadge of="listing" status={q.data.status} testId="listing-status" />}>{t('form.editTitle')}</PageTitle>
      {EDITABLE_STATUSES.includes(q.data.status) ? (
        <ListingForm key={`${q.data.id}:${q.data.version}`} existing={q.data} initial={fromListing(q.data)} firstLanguage={first} />
      ) : (
        <Alert color="blue" variant="light" data-testid="listing-locked">
          {t('form.locked')}
        </Alert>
      )}
    </>
  );
}

function ListingForm({ initial, existing, firstLanguage }: { initial: ListingDraft; existing?: Listing; firstLanguage: ListingLanguage }) {
  const { t } = useTranslation('techmarket');
  const labels = useMarketLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [d, setD] = useState<ListingDraft>(initial);
  const [org, setOrg] = useState<Org | null>(null);
  const [tab, setTab] = useState<ListingLanguage>(firstLanguage);
  const set = (patch: Partial<ListingDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const save = async (): Promise<Listing> =>
    existing
      ? updateListing(existing.id, toListingPatch(d, existing.version))
      : createListing(toListingInput({ ...d, owner: org ? { type: org.type, id: org.id } : null }));
  const m = useMutation({
    mutationFn: async (then: 'draft' | 'submit') => {
      const saved = await save();
      if (then === 'draft') return saved;
      try {
        return await submitListing(saved.id);
      } catch (err) {
        // The new listing exists now: go on from its own page, or a second try would create it twice.
        if (!existing) {
          notify(err instanceof ApiError && err.message ? err.message : t('form.submitFailed'), 'error');
          void qc.invalidateQueries({ queryKey: TM.all });
          void navigate({ to: '/market/listings/$id/edit', params: { id: saved.id }, replace: true });
        }
        throw err;
      }
    },
    onSuccess: (saved, then) => {
      void qc.invalidateQueries({ queryKey: TM.all });
      notify(then === 'submit' ? t('form.submitted') : t('form.saved'));
      if (then === 'submit') void navigate({ to: '/market/mine' });
      else void navigate({ to: '/market/listings/$id/edit', params: { id: saved.id }, replace: true });
    },
  });
  const errors = fieldErrors(m.error, FIELDS);
  const textErrors = nestedErrors(m.error, 'texts');
  const offer = d.kind === 'offer';
  const canSubmit = !existing || EDITABLE_STATUSES.includes(existing.status);
  return (
    <Paper withBorder p="md" component="form" noValidate onSubmit={submitWith(() => m.mutate('draft'))} maw={960} data-testid="listing-form">
      <Stack gap="md">
        {!existing && (
          <div>
            <Text size="sm" fw={500} id="listing-kind-label" mb={4}>
              {t('form.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="listing-kind-label"
              value={d.kind}
              onChange={(v) => set({ kind: v === 'need' ? 'need' : 'offer' })}
              data={[
                { value: 'offer', label: t('form.kindOffer') },
                { value: 'need', label: t('form.kindNeed') },
              ]}
              data-testid="listing-kind"
            />
            <Text size="xs" c="dimmed" mt={4}>
              {offer ? t('form.kindOfferHint') : t('form.kindNeedHint')}
            </Text>
          </div>
        )}
        {existing ? (
          <Text size="sm">
            {t('form.ownerFixed')} <Script>{existing.owner.name}</Script>
          </Text>
        ) : (
          <OrgPicker
            label={t('form.owner')}
            description={t('form.ownerHint')}
            value={org}
            onChange={setOrg}
            required
            error={errors.ownerId ?? errors.ownerType}
            testId="listing-owner"
          />
        )}
        <section aria-labelledby="listing-texts-title">
          <Title order={2} size="h4" id="listing-texts-title">
            {t('form.texts')}
          </Title>
          <Text size="sm" mb="xs">
            {t('form.textsHint')}
          </Text>
          {errors.texts && !Object.keys(textErrors).length && (
            <Text size="sm" c="red.9" role="alert" data-testid="listing-texts-error">
              {errors.texts}
            </Text>
          )}
          <ListingTextsTabs
            texts={d.texts}
            onChange={(lang, text) => set({ texts: { ...d.texts, [lang]: text } })}
            errors={textErrors}
            active={tab}
            onActive={setTab}
          />
        </section>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <SectorSelect label={t('form.sector')} value={d.sector} onChange={(v) => set({ sector: v })} required error={errors.sector} testId="listing-sector" />
          <Select
            label={offer ? t('form.trlOffer') : t('form.trlNeed')}
            description={t('form.trlHint')}
            data={TRLS.map((v) => ({ value: v, label: t(`trl.${v}`) }))}
            value={d.trl === null ? null : String(d.trl)}
            onChange={(v) => set({ trl: v ? Number(v) : null })}
            clearable
            error={errors.trl}
            data-testid="listing-trl"
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <TagsInput
          label={t('form.keywords')}
          description={t('form.keywordsHint')}
          value={d.keywords}
          onChange={(v) => set({ keywords: v })}
          maxTags={30}
          splitChars={[',', '，', '،', ';']}
          error={errors.keywords}
          data-testid="listing-keywords"
        />
        <Checkbox.Group
          label={offer ? t('form.dealFormsOffer') : t('form.dealFormsNeed')}
          value={d.dealForms}
          onChange={(v) => set({ dealForms: v as ListingDraft['dealForms'] })}
          error={errors.dealForms}
          data-testid="listing-deal-forms"
        >
          <Group mt={6} gap="md">
            {DEAL_FORMS.map((f) => (
              <Checkbox key={f} value={f} label={labels.dealForm(f)} data-testid={`listing-deal-form-${f}`} />
            ))}
          </Group>
        </Checkbox.Group>
        {offer ? <IpFields d={d} set={set} error={errors.ip} /> : <NeedFields d={d} set={set} errors={errors} />}
        <ApiErrorAlert error={m.error} fields={FIELDS} />
        <Group>
          <Button type="submit" variant="default" loading={m.isPending && m.variables === 'draft'} disabled={m.isPending} data-testid="listing-save">
            {t('form.saveDraft')}
          </Button>
          {canSubmit && (
            <Button
              type="button"
              onClick={() => m.mutate('submit')}
              loading={m.isPending && m.variables === 'submit'}
              disabled={m.isPending}
              data-testid="listing-submit"
            >
              {t('form.submit')}
            </Button>
          )}
        </Group>
        {canSubmit && (
          <Text size="xs" c="dimmed">
            {t('form.submitHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

type Part = { d: ListingDraft; set: (patch: Partial<ListingDraft>) => void };

/** The offer's intellectual property: type, number (as the patent office writes it), status. */
function IpFields({ d, set, error }: Part & { error?: string }) {
  const { t } = useTranslation('techmarket');
  const labels = useMarketLabels();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="listing-ip">
      <Text component="legend" fw={600} size="sm" mb={4}>
        {t('form.ip')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Select
          label={t('form.ipType')}
          placeholder={t('form.ipNone')}
          data={IP_TYPES.map((x) => ({ value: x, label: labels.ipType(x) }))}
          value={d.ipType}
          onChange={(v) => set({ ipType: v as ListingDraft['ipType'], ...(v ? {} : { ipNumber: '', ipStatus: null }) })}
          clearable
          error={error}
          data-testid="listing-ip-type"
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('form.ipNumber')}
          value={d.ipNumber}
          onChange={(e) => set({ ipNumber: e.currentTarget.value })}
          disabled={!d.ipType}
          maxLength={60}
          dir="ltr"
          data-testid="listing-ip-number"
        />
        <Select
          label={t('form.ipStatus')}
          data={IP_STATUSES.map((x) => ({ value: x, label: labels.ipStatus(x) }))}
          value={d.ipStatus}
          onChange={(v) => set({ ipStatus: v as ListingDraft['ipStatus'] })}
          disabled={!d.ipType}
          required={!!d.ipType}
          data-testid="listing-ip-status"
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
    </fieldset>
  );
}

/** The need's budget (in its currency) and the date an answer is wanted by. */
function NeedFields({ d, set, errors }: Part & { errors: Record<string, string> }) {
  const { t } = useTranslation('techmarket');
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="listing-need-fields">
      <NumberInput
        label={t('form.budget')}
        value={d.budget ?? ''}
        onChange={(v) => set({ budget: typeof v === 'number' ? v : null })}
        min={0}
        thousandSeparator=","
        error={errors.budget}
        data-testid="listing-budget"
      />
      <Select
        label={t('form.currency')}
        data={[...CURRENCIES]}
        value={d.currency ?? null}
        onChange={(v) => set({ currency: v as ListingDraft['currency'] })}
        required={d.budget !== null}
        error={errors.currency}
        data-testid="listing-currency"
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        type="date"
        label={t('form.deadline')}
        value={d.deadline}
        onChange={(e) => set({ deadline: e.currentTarget.value })}
        error={errors.deadline}
        data-testid="listing-deadline"
      />
    </SimpleGrid>
  );
}
