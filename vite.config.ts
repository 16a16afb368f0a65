import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Fontsource CSS lists a .woff fallback after every .woff2 file. Every browser we support reads woff2,
 * so dropping the fallbacks halves the fonts copied into the build (Noto Sans SC alone is ~100 files a weight).
 */
function woff2Only(): Plugin {
  return {
    name: 'seedbed-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]+\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  root: '.',
  plugins: [woff2Only(), react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
