import type { Language } from '../../../../shared/roles';
import { useLanguage } from '../../../app/useLanguage';
import { pickName, scriptAttrs } from '../names';
import type { Names } from '../types';

/** A record's name, in the reader's language if it has one, marked with the script it is written in. */
export function Name({ names, script }: { names: Names; script?: Language }) {
  const lng = useLanguage();
  const picked = script ? { text: names[script] ?? names.en, script: names[script] ? script : 'en' } : pickName(names, lng);
  return <span {...scriptAttrs(picked.script as Language)}>{picked.text}</span>;
}
