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
    // Each worker keeps its module graph from one test file to the next instead of importing the
    // server (Fastify, Kysely, the agreement, PDF and Excel writers …) anew for every file: that
    // import was 158 s of a 388 s run on two cores. Safe here because no test file mocks modules
    // (vi.mock) and those that change process.env or fake the clock restore them; module-level
    // caches (agreements by folder, answers per compiled rules, sessions) are keyed by what they
    // cache, so a file never sees another file's data as its own.
    isolate: false,
    reporters: ['default'],
  },
});
