import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's loader
    // refuses; inlined, vite transforms it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    include: ['packages/*/test/**/*.test.ts', 'actions/*/test/**/*.test.ts', 'test/unit/**/*.test.ts'],
    exclude: ['**/*.itg.test.ts', '**/node_modules/**'],
    // The files run in parallel on 2 cores: property tests that generate long strings from regular
    // expressions, and tests that start real child processes, take several times their solo time.
    testTimeout: 20_000,
  },
});
