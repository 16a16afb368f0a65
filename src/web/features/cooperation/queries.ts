import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Agreement,
  AgreementInput,
  AgreementPatch,
  AgreementQuery,
  AgreementSummary,
  Application as ApplicationSchema,
  ApplicationDecision,
  ApplicationInput,
  CancelInput,
  Commitment,
  CommitmentPatch,
  CountryPair,
  Delegation,
  DelegationInput,
  DelegationPatch,
  DelegationQuery,
  DelegationSummary as DelegationSummarySchema,
  DeliveryInput,
  FocalAppointInput,
  FocalEndInput,
  FocalPerson,
  FocalPersonInput,
  FocalQuery,
  FollowUp as FollowUpSchema,
  FollowUpInput,
  FollowUpPatch,
  NewCommitmentInput,
  Opportunity,
  OpportunityInput,
  OpportunityPatch,
  OpportunityQuery,
  ScorecardQuery,
  ScorecardTable as ScorecardTableSchema,
  Suggestions as SuggestionsSchema,
  Taxonomy as TaxonomySchema,
} from '../../../shared/contracts/cooperation';
import { get, patch, post, upload } from '../../app/api';

export type { Agreement, AgreementSummary, Commitment, CountryPair, Delegation, FocalPerson, Opportunity };
export type DelegationSummary = z.infer<typeof DelegationSummarySchema>;
export type Application = z.infer<typeof ApplicationSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type ScorecardTable = z.infer<typeof ScorecardTableSchema>;
export type Suggestions = z.infer<typeof SuggestionsSchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;
export type AgreementBody = z.input<typeof AgreementInput>;
export type DelegationBody = z.input<typeof DelegationInput>;
export type OpportunityBody = z.input<typeof OpportunityInput>;
export type FocalBody = z.input<typeof FocalPersonInput>;
export type FollowUpBody = z.input<typeof FollowUpInput>;
export type AgreementsQuery = Partial<z.output<typeof AgreementQuery>>;
export type DelegationsQuery = Partial<z.output<typeof DelegationQuery>>;
export type OpportunitiesQuery = Partial<z.output<typeof OpportunityQuery>>;
export type FocalsQuery = Partial<z.output<typeof FocalQuery>>;
type Paged<T> = { items: T[]; total: number };

export const BASE = '/api/v1/cooperation';
const enc = encodeURIComponent;
const agreement = (id: string) => `${BASE}/agreements/${enc(id)}`;
const commitment = (id: string) => `${BASE}/commitments/${enc(id)}`;
const delegation = (id: string) => `${BASE}/delegations/${enc(id)}`;
const opportunity = (id: string) => `${BASE}/opportunities/${enc(id)}`;
const application = (id: string) => `${BASE}/applications/${enc(id)}`;

/** The PDF report of a delegation in one of the three languages. */
export const reportPdfUrl = (id: string, lang: 'en' | 'zh' | 'ur') => `${delegation(id)}/report.pdf?lang=${lang}`;

/** Every cooperation query key starts with this: after any write the module's pages refresh together. */
export const COOP = {
  all: ['cooperation'] as const,
  agreements: ['cooperation', 'agreements'] as const,
  agreement: (id: string) => ['cooperation', 'agreement', id] as const,
  delegations: ['cooperation', 'delegations'] as const,
  delegation: (id: string) => ['cooperation', 'delegation', id] as const,
  opportunities: ['cooperation', 'opportunities'] as const,
  opportunity: (id: string) => ['cooperation', 'opportunity', id] as const,
  applications: ['cooperation', 'applications'] as const,
  focal: ['cooperation', 'focal'] as const,
};

export const taxonomyQuery = queryOptions({ queryKey: [...COOP.all, 'taxonomy'], queryFn: () => get<Taxonomy>(`${BASE}/taxonomy`), staleTime: 10 * 60_000 });

export const agreementsQuery = (q: AgreementsQuery) =>
  queryOptions({ queryKey: [...COOP.agreements, q], queryFn: () => get<Paged<AgreementSummary>>(`${BASE}/agreements`, q), placeholderData: keepPreviousData });
export const agreementQuery = (id: string) => queryOptions({ queryKey: COOP.agreement(id), queryFn: () => get<Agreement>(agreement(id)) });
export const suggestionsQuery = (id: string) =>
  queryOptions({ queryKey: [...COOP.agreement(id), 'suggestions'], queryFn: () => get<Suggestions>(`${agreement(id)}/suggestions`) });
export const scorecardsQuery = (by: z.output<typeof ScorecardQuery>['by'], country?: string) =>
  queryOptions({ queryKey: [...COOP.agreements, 'scorecards', by, country], queryFn: () => get<ScorecardTable>(`${BASE}/scorecards`, { by, country }) });

export const delegationsQuery = (q: DelegationsQuery) =>
  queryOptions({
    queryKey: [...COOP.delegations, q],
    queryFn: () => get<Paged<DelegationSummary>>(`${BASE}/delegations`, q),
    placeholderData: keepPreviousData,
  });
export const delegationQuery = (id: string) => queryOptions({ queryKey: COOP.delegation(id), queryFn: () => get<Delegation>(delegation(id)) });

export const focalQuery = (q: FocalsQuery) =>
  queryOptions({ queryKey: [...COOP.focal, q], queryFn: () => get<Paged<FocalPerson>>(`${BASE}/focal-persons`, q), placeholderData: keepPreviousData });

export const opportunitiesQuery = (q: OpportunitiesQuery) =>
  queryOptions({ queryKey: [...COOP.opportunities, q], queryFn: () => get<Paged<Opportunity>>(`${BASE}/opportunities`, q), placeholderData: keepPreviousData });
export const opportunityQuery = (id: string) => queryOptions({ queryKey: COOP.opportunity(id), queryFn: () => get<Opportunity>(opportunity(id)) });
export const applicationsQuery = (opportunityId: string) =>
  queryOptions({ queryKey: [...COOP.applications, 'of', opportunityId], queryFn: () => get<Paged<Application>>(`${opportunity(opportunityId)}/applications`) });
export const myApplicationsQuery = queryOptions({
  queryKey: [...COOP.applications, 'mine'],
  queryFn: () => get<Paged<Application>>(`${BASE}/applications/mine`),
});

export const pairQuery = (pair: string) =>
  queryOptions({ queryKey: [...COOP.all, 'pair', pair], queryFn: () => get<CountryPair>(`${BASE}/pairs/${enc(pair)}`) });

// Writes (paths of the cooperation server's route files: agreements/, delegations/, opportunities/).
export const createAgreement = (body: AgreementBody) => post<Agreement>(`${BASE}/agreements`, body);
export const updateAgreement = (id: string, body: z.input<typeof AgreementPatch>) => patch<Agreement>(agreement(id), body);
export const addCommitment = (agreementId: string, body: z.input<typeof NewCommitmentInput>) => post<Commitment>(`${agreement(agreementId)}/commitments`, body);
export const updateCommitment = (id: string, body: z.input<typeof CommitmentPatch>) => patch<Commitment>(commitment(id), body);
export const deliverCommitment = (id: string, body: z.input<typeof DeliveryInput>) => post<Commitment>(`${commitment(id)}/delivery`, body);
export const cancelCommitment = (id: string, body: z.input<typeof CancelInput>) => post<Commitment>(`${commitment(id)}/cancel`, body);

export const createDelegation = (body: DelegationBody) => post<Delegation>(`${BASE}/delegations`, body);
export const updateDelegation = (id: string, body: z.input<typeof DelegationPatch>) => patch<Delegation>(delegation(id), body);
export const addFollowUp = (delegationId: string, body: FollowUpBody) => post<FollowUp>(`${delegation(delegationId)}/follow-ups`, body);
export const updateFollowUp = (id: string, body: z.input<typeof FollowUpPatch>) => patch<FollowUp>(`${BASE}/follow-ups/${enc(id)}`, body);

export const createFocal = (body: FocalBody) => post<FocalPerson>(`${BASE}/focal-persons`, body);
export const appointFocal = (id: string, body: z.input<typeof FocalAppointInput>) => post<FocalPerson>(`${BASE}/focal-persons/${enc(id)}/appoint`, body);
export const endFocal = (id: string, body: z.input<typeof FocalEndInput>) => post<FocalPerson>(`${BASE}/focal-persons/${enc(id)}/end`, body);

export const createOpportunity = (body: OpportunityBody) => post<Opportunity>(`${BASE}/opportunities`, body);
export const updateOpportunity = (id: string, body: z.input<typeof OpportunityPatch>) => patch<Opportunity>(opportunity(id), body);
export const applyTo = (id: string, body: z.input<typeof ApplicationInput>) => post<Application>(`${opportunity(id)}/applications`, body);
export const decideApplication = (id: string, body: z.input<typeof ApplicationDecision>) => patch<Application>(application(id), body);
export const withdrawApplication = (id: string) => post<Application>(`${application(id)}/withdraw`);

/** Uploads one evidence file with the platform's files API; the commitment's delivery names it by id. */
export async function uploadEvidence(file: File): Promise<{ id: string; originalName: string }> {
  const form = new FormData();
  form.append('file', file);
  return upload<{ id: string; originalName: string }>('/api/v1/files', form);
}
