import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from './tokens';

/** The secret is shown this once: the API keeps only its hash. */
export function NewTokenNotice({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" title={t('tokens.createdTitle', { name: token.name })} mb="lg" role="status">
      <Text size="sm" mb="sm">
        {t('tokens.copyNow')}
      </Text>
      <Code block dir="ltr" data-testid="new-token" style={{ wordBreak: 'break-all' }}>
        {token.token}
      </Code>
      <Group mt="sm">
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
              {copied ? t('actions.copied') : t('actions.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t('tokens.done')}
        </Button>
      </Group>
    </Alert>
  );
}
