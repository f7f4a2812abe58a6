import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The UI logic under test is pure; the server test needs real sockets. Neither needs a DOM.
    environment: 'node',
  },
});
