import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist',
    // No source maps in the image: they would ship the TypeScript sources.
    sourcemap: false,
    emptyOutDir: true,
  },
  server: {
    // `npm run dev` against a backend running locally (`PORT=8080 npm start` in ../backend).
    proxy: { '/api': process.env.BACKEND_URL ?? 'http://127.0.0.1:8080' },
  },
});
