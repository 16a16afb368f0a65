import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { scriptAttrs } from '../../registry/names';
import { useMarketLabels } from '../labels';
import { conceptTerms, type MatchReason, orderReasons, reasonMessage, type Term, termOf } from '../reasons';

function TermText({ term }: { term: Term }) {
  return (
    <Text span fw={600} {...scriptAttrs(term.lang)}>
      {term.text}
    </Text>
  );
}

/** A shared concept: the reader's term, and the same concept in the other listing's language(s). */
function ConceptReason({ labels, languages }: { labels: Record<string, string>; languages: readonly string[] }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const { main, others } = conceptTerms(labels, lng, languages);
  return (
    <>
      {t('reasons.concept')} <TermText term={main} />
      {others.length > 0 && (
        <Text span c="dimmed" size="sm" data-testid="match-reason-other-terms">
          {' '}
          (
          {others.map((o, i) => (
            <span key={o.lang}>
              {i > 0 && ' · '}
              <TermText term={o} />
            </span>
          ))}
          )
        </Text>
      )}
    </>
  );
}

/**
 * Why a suggestion is made, each reason one line a reader can check: shared concepts (with the other
 * language's term), shared words, sector, readiness, deal forms, the country pair.
 */
export function MatchReasons({ reasons, languages }: { reasons: readonly MatchReason[]; languages: readonly string[] }) {
  const { t } = useTranslation('techmarket');
  const labels = useMarketLabels();
  const ordered = orderReasons(reasons);
  if (ordered.length === 0) return null;
  return (
    <List size="sm" spacing={2} aria-label={t('matches.why')} data-testid="match-reasons">
      {ordered.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id; their order is fixed above
        <List.Item key={i} data-testid="match-reason" data-type={r.type}>
          {r.type === 'concept' ? (
            <ConceptReason labels={r.labels} languages={languages} />
          ) : r.type === 'term' ? (
            <>
              {t('reasons.term')} <TermText term={termOf(r.term)} />
            </>
          ) : (
            (() => {
              const m = reasonMessage(r, labels);
              return t(`reasons.${m.key}`, m.values);
            })()
          )}
        </List.Item>
      ))}
    </List>
  );
}
