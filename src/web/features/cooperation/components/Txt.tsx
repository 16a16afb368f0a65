import { Text, type TextProps } from '@mantine/core';
import { useLanguage } from '../../../app/useLanguage';
import { scriptAttrs } from '../../registry/names';
import { WrittenIn } from '../../techmarket/components/WrittenIn';
import { pickText, scriptOfName } from '../text';

/** A multilingual text of the API in the reader's language when written, else the original, marked with its language. */
export function Txt({
  texts,
  fallback = '',
  marked,
  testId,
}: {
  texts: Record<string, string | undefined> | null | undefined;
  fallback?: string;
  /** Show "written in …" when the text is not in the reader's language. */
  marked?: boolean;
  testId?: string;
}) {
  const lng = useLanguage();
  const shown = pickText(texts, lng);
  if (!shown) return <span data-testid={testId}>{fallback}</span>;
  return (
    <>
      <span {...scriptAttrs(shown.lang)} data-testid={testId}>
        {shown.text}
      </span>
      {marked && shown.foreign && (
        <>
          {' '}
          <WrittenIn lang={shown.lang} />
        </>
      )}
    </>
  );
}

/** A paragraph of multilingual text, kept in its language's script and direction. */
export function TxtBlock({ texts, testId, ...props }: { texts: Record<string, string | undefined> | null | undefined; testId?: string } & TextProps) {
  const lng = useLanguage();
  const shown = pickText(texts, lng);
  if (!shown) return null;
  return (
    <Text style={{ whiteSpace: 'pre-wrap' }} {...props} {...scriptAttrs(shown.lang)} data-testid={testId}>
      {shown.text}
    </Text>
  );
}

/** A name (organisation, person, city) as the API gives it, in its own script. */
export function NameText({ children, testId }: { children: string | null | undefined; testId?: string }) {
  if (!children) return null;
  return (
    <span {...scriptAttrs(scriptOfName(children))} data-testid={testId}>
      {children}
    </span>
  );
}
