import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const __dirname = dirname(fileURLToPath(import.meta.url));

const version = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')).version as string;
const define = { __PAVER_VERSION__: JSON.stringify(version) };

export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      lib: { entry: resolve(__dirname, 'main/electron/main.ts'), formats: ['es'] },
      rollupOptions: { output: { entryFileNames: 'index.js' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'main/electron/preload.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    define,
    plugins: [react()],
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      chunkSizeWarningLimit: 8000,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
    worker: { format: 'es' },
  },
});
