import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  version: string;
}

/** Reads the service configuration from the environment; throws naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, moduleDir: string): Config {
  return {
    port: parsePort(env.PORT, 'PORT'),
    // Listen on all interfaces: inside a container, loopback is unreachable from the published port.
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || '/data',
    version: env.APP_VERSION || packageVersion(moduleDir),
  };
}

/** Parses a TCP port (1-65535); empty means 8080. */
export function parsePort(value: string | undefined, name: string): number {
  if (value === undefined || value === '') return 8080;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a port number 1-65535, got "${value}"`);
  const port = Number(value);
  if (port < 1 || port > 65535) throw new Error(`${name} must be a port number 1-65535, got "${value}"`);
  return port;
}

/**
 * Version from the nearest package.json above `startDir`: the same lookup Node
 * uses for "type", so it works both from ./dist (development) and from /app
 * (the runtime image, where package.json sits next to the compiled files).
 */
export function packageVersion(startDir: string): string {
  let dir = startDir;
  for (;;) {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
      if (typeof parsed.version === 'string' && parsed.version !== '') return parsed.version;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.0.0-unknown';
    dir = parent;
  }
}
