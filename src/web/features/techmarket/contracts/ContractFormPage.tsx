import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../components/Forbidden';
import { PageTitle } from '../../../app/components/PageTitle';
import { useLanguage } from '../../../app/useLanguage';
import { useMarketAccess } from '../access';
import { interestQuery, listingQuery } from '../queries';
import { pickListingText } from '../text';
import { emptyContract, prefillFromMarket } from './contractDraft';
import { ContractForm } from './ContractForm';

/** Registering a technology contract; begun from an accepted interest, the listing's facts fill it in. */
export function NewContractPage() {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const { listingId, interestId } = useSearch({ strict: false }) as { listingId?: string; interestId?: string };
  const { canSubmitContract } = useMarketAccess();
  const listing = useQuery({ ...listingQuery(listingId ?? ''), enabled: !!listingId });
  const interest = useQuery({ ...interestQuery(interestId ?? ''), enabled: !!interestId });
  if (!canSubmitContract) return <Forbidden message={t('contracts.forbidden')} />;
  const waiting = (listingId && listing.isLoading) || (interestId && interest.isLoading);
  const l = listing.data;
  const initial = prefillFromMarket(
    emptyContract({ listingId, interestId }),
    l && { kind: l.kind, title: pickListingText(l.texts, l.languages, lng)?.title, sector: l.sector, owner: l.owner },
    interest.data,
  );
  return (
    <>
      <PageTitle>{t('contracts.form.newTitle')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('contracts.form.intro')}
      </Text>
      {waiting ? <Loader size="sm" role="status" aria-label={t('status.loading')} /> : <ContractForm key={`${listingId}:${interestId}`} initial={initial} />}
    </>
  );
}
