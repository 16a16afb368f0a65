import { Container, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** The single-column card of the sign-in, register and password pages. */
export function Narrow({ children }: { children: ReactNode }) {
  return (
    <Container size={460} px={0} py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md">
        {children}
      </Paper>
    </Container>
  );
}
