import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's loader
    // refuses; inlined, vite transforms it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    include: ['packages/*/test/**/*.test.ts', 'actions/*/test/**/*.test.ts', 'test/unit/**/*.test.ts'],
    exclude: ['**/*.itg.test.ts', '**/node_modules/**'],
  },
});
