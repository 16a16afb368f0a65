import type { Delegation } from '../../../../shared/contracts/cooperation';
import { translate } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/roles';
import type { Ctx } from '../../../platform/context';
import { isolate, type ReportBlock, type ReportDoc, renderPdf } from '../../../platform/pdf';
import { countryName } from './geography';
import { getDelegation } from './read-delegations';

const TAG: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN', ur: 'ur-PK' };

/** The report's labels: messages:cooperation.delegations.report.* in the three languages. */
const labeller =
  (lang: Language) =>
  (key: string, params: Record<string, unknown> = {}) =>
    translate(lang, `messages:cooperation.delegations.report.${key}`, params);

/** A text in the reader's language, else as first written. */
const pick = (t: Record<string, string> | null | undefined, lang: Language) => (t ? t[lang] || t.en || t.zh || t.ur || '' : '');

/**
 * The visit report of a delegation as a document for `renderPdf`, in one language: title, dates and purpose, the
 * members by side, the itinerary day by day with the organisations visited and the meetings held, and the outcomes
 * (focal persons appointed and open slots, offers with their counts per year, follow-ups with owners and due dates),
 * then the seed files the reference records come from. Names keep their native script; in Urdu the page runs right to
 * left and names in other scripts are isolated so they keep their own order.
 */
export function visitReportDoc(d: Delegation, lang: Language, now = new Date()): ReportDoc {
  const t = labeller(lang);
  const day = (iso: string) => new Intl.DateTimeFormat(TAG[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const num = (n: number) => new Intl.NumberFormat(TAG[lang]).format(n);
  const name = (s: string) => (lang === 'ur' ? isolate(s) : s);
  const country = (c: string) => countryName(c, lang);
  // A text not written in Urdu keeps its own direction on an Urdu page.
  const text = (tx: Record<string, string> | null | undefined) => {
    const v = pick(tx, lang);
    return lang === 'ur' && v && !tx?.ur ? isolate(v) : v;
  };
  const blocks: ReportBlock[] = [];

  blocks.push({
    kind: 'keyValues',
    items: [
      { label: t('dates'), value: t('dateRange', { from: day(d.startsOn), to: day(d.endsOn) }) },
      { label: t('guestSide'), value: [country(d.guestCountry), d.guest ? name(d.guest.name) : null].filter(Boolean).join(' — ') },
      { label: t('hostSide'), value: [country(d.hostCountry), d.host ? name(d.host.name) : null].filter(Boolean).join(' — ') },
      { label: t('cities'), value: d.cities.map(name).join(lang === 'zh' ? '、' : ', ') || '—' },
    ],
  });
  const purpose = text(d.purpose);
  if (purpose) {
    blocks.push({ kind: 'heading', text: t('purpose') });
    blocks.push({ kind: 'paragraph', text: purpose });
  }

  blocks.push({ kind: 'heading', text: t('members') });
  for (const side of ['guest', 'host'] as const) {
    const members = d.members.filter((m) => m.side === side);
    if (members.length === 0) continue;
    blocks.push({
      kind: 'table',
      caption: t(side === 'guest' ? 'guestMembers' : 'hostMembers', { country: country(side === 'guest' ? d.guestCountry : d.hostCountry) }),
      columns: [{ label: t('name') }, { label: t('role') }, { label: t('organisation') }],
      rows: members.map((m) => [name(m.name), t(`roles.${m.role}`), m.organisation ? name(m.organisation.name) : '—']),
    });
  }
  if (d.members.length === 0) blocks.push({ kind: 'paragraph', text: t('noMembers') });

  blocks.push({ kind: 'heading', text: t('itinerary') });
  if (d.itinerary.length === 0) blocks.push({ kind: 'paragraph', text: t('noItinerary') });
  const days = [...new Set(d.itinerary.map((s) => s.day))];
  for (const [i, dayIso] of days.entries()) {
    const stops = d.itinerary.filter((s) => s.day === dayIso);
    blocks.push({
      kind: 'table',
      caption: t('dayHeading', { n: num(i + 1), date: day(dayIso), cities: stops.map((s) => name(s.city)).join(', ') }),
      columns: [{ label: t('city') }, { label: t('visited') }, { label: t('meetings') }],
      rows: stops.map((s) => [
        name(s.city),
        s.visited.map((v) => name(v.name)).join('; ') || '—',
        s.meetings.map((m) => (m.with.length ? t('meetingWith', { title: m.title, with: m.with.map(name).join(', ') }) : m.title)).join('; ') || '—',
      ]),
    });
  }

  blocks.push({ kind: 'heading', text: t('outcomes') });
  blocks.push({
    kind: 'keyValues',
    items: [
      { label: t('focalAppointed'), value: num(d.focalPersons.filter((f) => f.state === 'appointed').length) },
      { label: t('focalOpen'), value: num(d.focalPersons.filter((f) => f.state === 'open').length) },
      { label: t('offers'), value: num(d.offers.length) },
      { label: t('followUps'), value: num(d.followUps.length) },
    ],
  });
  if (d.focalPersons.length) {
    blocks.push({
      kind: 'table',
      caption: t('focalPersons'),
      columns: [{ label: t('organisation') }, { label: t('topic') }, { label: t('person') }, { label: t('state') }],
      rows: d.focalPersons.map((f) => [
        `${name(f.organisation.name)} (${country(f.country)})`,
        text(f.topic),
        f.personName ? name(f.personName) : t('openSlot'),
        f.state === 'open' && f.promisedOn ? t('promisedOn', { date: day(f.promisedOn) }) : t(`states.${f.state}`),
      ]),
    });
  }
  if (d.offers.length) {
    blocks.push({
      kind: 'table',
      caption: t('offersMade'),
      columns: [{ label: t('kind') }, { label: t('offer') }, { label: t('offeredBy') }, { label: t('places'), align: 'end' }],
      rows: d.offers.map((o) => [
        t(`kinds.${o.kind}`),
        text(o.title),
        name(o.offeredBy.name),
        o.placesPerYear ? t('perYear', { n: num(o.placesPerYear) }) : o.places ? num(o.places) : '—',
      ]),
    });
  }
  if (d.followUps.length) {
    blocks.push({
      kind: 'table',
      caption: t('followUpsAgreed'),
      columns: [{ label: t('action') }, { label: t('owner') }, { label: t('due'), align: 'end' }, { label: t('status') }],
      rows: d.followUps.map((f) => [
        text(f.action),
        [f.ownerName ? name(f.ownerName) : null, f.country ? country(f.country) : null].filter(Boolean).join(', ') || '—',
        f.dueOn ? day(f.dueOn) : '—',
        f.overdue ? t('overdue') : f.status === 'done' && f.doneOn ? t('doneOn', { date: day(f.doneOn) }) : t(`followUpStatus.${f.status}`),
      ]),
    });
  }

  const sources = [
    ...new Set(
      [
        d.source,
        ...d.itinerary.map((s) => s.source),
        ...d.focalPersons.map((f) => f.source),
        ...d.offers.map((o) => o.source),
        ...d.followUps.map((f) => f.source),
      ]
        .filter((s): s is string => !!s)
        .map((s) => s.split('#')[0]),
    ),
  ];
  if (sources.length) {
    blocks.push({ kind: 'heading', text: t('sources') });
    blocks.push({ kind: 'paragraph', text: t('sourcesBody', { sources: sources.map(name).join('; ') }) });
  }
  if (d.synthetic) blocks.push({ kind: 'paragraph', text: t('synthetic') });

  const generated = new Intl.DateTimeFormat(TAG[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(now);
  return {
    lang,
    title: pick(d.title, lang),
    subtitle: t('subtitle', { guest: country(d.guestCountry), host: country(d.hostCountry), from: day(d.startsOn), to: day(d.endsOn) }),
    blocks,
    footer: [t('footer', { date: generated }), d.synthetic ? t('syntheticMark') : null].filter(Boolean).join(' · '),
  };
}

/** The visit report as a PDF and its file name; the public may have it for a published delegation. */
export async function visitReport(ctx: Ctx, id: string, lang: Language): Promise<{ body: Buffer; filename: string }> {
  const delegation = await getDelegation(ctx, id);
  const body = await renderPdf(visitReportDoc(delegation, lang));
  const slug = (delegation.key ?? `${delegation.startsOn}-${delegation.id.slice(0, 8)}`).replace(/[^a-z0-9_.-]+/gi, '-');
  return { body, filename: `seedbed-delegation-${slug}-${lang}.pdf` };
}
