import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

export default defineConfig({
  resolve: {
    alias: {
      '@samverkan/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/harness/**/*.test.ts', 'bench/import/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on CI's two, so every file
    // waited for the one before it although most of their time is spent waiting on child
    // processes, PostgreSQL and the network. Two workers on two cores (more on larger machines).
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default'],
  },
});
