import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { unplacedDetails } from '../forms';

type Props = {
  error: unknown;
  /** Fields the form shows next to their inputs; other details are listed here. */
  fields?: readonly string[];
};

/** The API's top-level message (already in the user's language), or ours when the API could not answer. */
export function ApiErrorAlert({ error, fields = [] }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  let message = t('errors.unexpected');
  if (error instanceof ApiError) {
    if (error.status === 0) message = t('errors.network');
    else if (error.message) message = error.message;
  }
  const rest = unplacedDetails(error, fields);
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {message}
      {rest.length > 0 && (
        <List size="sm" mt="xs">
          {rest.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
