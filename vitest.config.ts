import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'actions/*/test/**/*.test.ts', 'test/unit/**/*.test.ts'],
    exclude: ['**/*.itg.test.ts', '**/node_modules/**'],
  },
});
