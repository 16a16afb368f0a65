import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiError, setApiHandlers } from './api';
import { currentLanguage, i18n } from './i18n';
import { directionOf } from './language';
import { LanguageSync } from './LanguageSync';
import { createAppRouter } from './router';
import { sessionQuery } from './session';
import { cssVariablesResolver, themeFor } from './theme';
import { useLanguage } from './useLanguage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip might.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

setApiHandlers({
  onUnauthorized: () => {
    void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    const here = router.state.location;
    if (here.pathname !== '/sign-in') void router.navigate({ to: '/sign-in', search: { redirect: here.href } });
  },
  refreshCsrf: async () => {
    await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
  },
});

function Themed() {
  const lng = useLanguage();
  const theme = useMemo(() => themeFor(lng), [lng]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <LanguageSync />
      <Notifications position="top-center" />
      <RouterProvider router={router} />
    </MantineProvider>
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <DirectionProvider initialDirection={directionOf(currentLanguage())} detectDirection={false}>
          <Themed />
        </DirectionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
