// Vite build of the Swedish web app. The server serves `dist/` on the same origin and port as
// the API, so the app calls `/api/v1` relatively; in development the dev server proxies `/api`.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress-plugin.js';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  server: {
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Each page is a lazy chunk (see src/app/routes.ts); the guide's first load stays small.
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      treeshake: {
        // @digdir/designsystemet-react declares no `sideEffects`, so without this every component
        // (and floating-ui, virtual lists, comboboxes) would land in the first load. Its modules
        // are pure React components; the custom elements they need come from
        // @digdir/designsystemet-web, which stays side-effectful and is kept.
        moduleSideEffects: (id: string) => !/node_modules\/@digdir\/designsystemet-react\//.test(id),
      },
    },
  },
});
