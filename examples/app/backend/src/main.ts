import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { PlaylistStore } from './store.js';

// In the runtime image node is PID 1, which gets no default signal handlers:
// without these, SIGTERM would be ignored and `podman stop` would wait for its SIGKILL.
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env, dirname(fileURLToPath(import.meta.url)));
  const store = await PlaylistStore.open(config.dataDir);
  const server = createApp({ store, version: config.version, log: (line) => console.log(line) });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing server`);
    const force = setTimeout(() => {
      console.error(`shutdown took longer than ${SHUTDOWN_GRACE_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      store.flush().then(
        () => {
          console.log('stopped');
          process.exit(0);
        },
        (err: unknown) => {
          console.error('flushing the store failed:', err);
          process.exit(1);
        },
      );
    });
    // Keep-alive connections would hold close() open until they time out.
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  server.on('error', (err) => {
    console.error(`playlist-backend: cannot listen on ${config.host}:${config.port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    console.log(
      `playlist-backend ${config.version} listening on ${config.host}:${config.port}, data in ${store.filePath}`,
    );
  });
}

main().catch((err: unknown) => {
  console.error(`playlist-backend failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
