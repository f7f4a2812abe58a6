import { defineConfig } from 'vitest/config';

// Integration tests drive a real engine, registry and browser: one at a time, with room to breathe.
export default defineConfig({
  test: {
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's loader
    // refuses; inlined, vite transforms it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    include: ['**/*.itg.test.ts'],
    exclude: ['**/node_modules/**', 'examples/**'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: ['verbose'],
  },
});
