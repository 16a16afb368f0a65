import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
// Bundled so Chinese and Urdu render on machines without those fonts; the browser fetches only the
// unicode-range slices a page uses.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const el = document.getElementById('root');
if (!el) throw new Error('index.html has no #root');
createRoot(el).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
