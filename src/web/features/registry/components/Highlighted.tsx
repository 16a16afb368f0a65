import type { Language } from '../../../../shared/roles';
import { scriptAttrs } from '../names';
import type { HighlightSegment } from '../types';

/** A name with the parts that matched the search marked. */
export function Highlighted({ segments, script }: { segments: HighlightSegment[]; script: Language }) {
  return (
    <span {...scriptAttrs(script)}>
      {segments.map((s, i) =>
        s.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their order
          <mark key={i} className="seedbed-mark">
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their order
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}
