import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The renderer: served by `npm run web`, built into dist/renderer for Electron and the e2e tests. */
export default defineConfig({
  root: here('./renderer'),
  // Relative asset URLs so the same build loads from app://, file:// and http://.
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': here('./shared') } },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // export.html: the headless export page `npm run export` drives; same renderer code.
    // participant.html: the live room's page for phones, served by the room server.
    rolldownOptions: { input: { main: here('./renderer/index.html'), export: here('./renderer/export.html'), participant: here('./renderer/participant.html') } },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
