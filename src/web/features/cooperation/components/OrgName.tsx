import type { OrgRef } from '../../../../shared/contracts/cooperation';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { PLURAL } from '../../registry/entityTypes';
import type { EntityType } from '../../registry/types';
import { useCoopLabels } from '../labels';
import { NameText } from './Txt';

const isEntity = (t: string | null): t is EntityType => !!t && t in PLURAL;

/** An organisation: a link to its registry page when it is in the registry, its name in its script, its country. */
export function OrgName({ org, withCountry = true, testId }: { org: OrgRef; withCountry?: boolean; testId?: string }) {
  const labels = useCoopLabels();
  const name = <NameText>{org.name}</NameText>;
  return (
    <span data-testid={testId} data-country={org.country}>
      {isEntity(org.entityType) && org.entityId ? (
        <AnchorLink to="/directory/$type/$id" params={{ type: PLURAL[org.entityType], id: org.entityId }}>
          {name}
        </AnchorLink>
      ) : (
        name
      )}
      {withCountry && org.country && <> ({labels.country(org.country)})</>}
    </span>
  );
}
