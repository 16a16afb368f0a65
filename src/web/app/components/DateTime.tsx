import { formatDateTime } from '../format';
import { useLanguage } from '../useLanguage';

/** A timestamp in the reader's language, machine-readable in `datetime`. */
export function DateTime({ value }: { value: string | null | undefined }) {
  const lng = useLanguage();
  if (!value) return null;
  return <time dateTime={value}>{formatDateTime(value, lng)}</time>;
}
