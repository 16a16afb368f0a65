import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

type Props = ButtonProps & {
  label: string;
  /** Accessible name when the visible label alone is ambiguous in a list ("Revoke token 'ci'"). */
  ariaLabel?: string;
  title: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
};

/** A button that asks before doing something that cannot be undone. */
export function ConfirmButton({ label, ariaLabel, title, question, confirmLabel, onConfirm, ...buttonProps }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button {...buttonProps} onClick={open} aria-label={ariaLabel}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': t('actions.close') }}>
        <Text mb="lg">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
