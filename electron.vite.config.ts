import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Copies the local-only migrations next to the main bundle: `main/store/migrations.ts`
 * finds them at `./local-migrations/` relative to its own (bundled) file.
 */
function copyLocalMigrations(): Plugin {
  return {
    name: 'kai-copy-local-migrations',
    closeBundle() {
      const source = resolve('main/store/local-migrations');
      if (existsSync(source)) {
        cpSync(source, resolve('out/electron/local-migrations'), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyLocalMigrations()],
    build: {
      outDir: 'out/electron',
      lib: {
        // index: the shell. core-entry: the utility process that runs the core.
        // worker-entry: the pipeline workers the core forks (WorkerProcess).
        entry: {
          index: resolve('electron/index.ts'),
          'core-entry': resolve('electron/core-entry.ts'),
          'worker-entry': resolve('main/workers/worker-entry.ts'),
        },
      },
      rollupOptions: { output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('preload/index.ts') },
      // A sandboxed preload can require only a few Electron modules, so zod and the
      // contract are bundled in, and it cannot be an ES module.
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
