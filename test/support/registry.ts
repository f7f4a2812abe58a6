/**
 * Integration-test helpers around the real registry and podman: where the registry is, and how to
 * put a tiny, unique image into it without any base image.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The registry under test (`DIGESTLINE_REGISTRY`, host:port).
 *
 * @throws Error telling how to get one when it is unset: integration tests must fail, not skip,
 *   on a host that was not set up
 */
export function requireRegistry(): string {
  const registry = process.env['DIGESTLINE_REGISTRY'];
  if (registry === undefined || registry.trim() === '') {
    throw new Error(
      'DIGESTLINE_REGISTRY is not set: run `eval "$(scripts/setup-host)"` from the repository root first ' +
        '(it starts the loopback registry and exports DIGESTLINE_REGISTRY)',
    );
  }
  return registry.trim();
}

/** A unique name prefix for things a test run creates, e.g. `dl-itg-3f9a1c`. */
export function uniquePrefix(): string {
  return `dl-itg-${randomBytes(4).toString('hex')}`;
}

/** Runs podman with `args`; on failure the error carries its stderr. */
export async function podman(args: string[]): Promise<string> {
  try {
    const { stdout } = await run('podman', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`podman ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`, { cause: err });
  }
}

/** An image pushed by {@link pushTinyImage}. */
export interface PushedImage {
  /** `repository:tag` in the registry. */
  repository: string;
  tag: string;
  /** The digest podman reported (`--digestfile`). */
  digest: string;
  /** Bytes of random payload in the single layer (incompressible, so the layer is about this big). */
  payloadBytes: number;
  /** Removes the local image and temporary files (not the pushed manifest). */
  cleanupLocal: () => Promise<void>;
}

/**
 * Builds a one-layer image from a tarball holding one file of random bytes (`podman import`, no
 * base image needed) and pushes it with `podman push --digestfile`.
 */
export async function pushTinyImage(options: {
  registry: string;
  repository: string;
  tag: string;
  payloadBytes?: number;
}): Promise<PushedImage> {
  const payloadBytes = options.payloadBytes ?? 256 * 1024;
  const dir = await mkdtemp(join(tmpdir(), 'dl-itg-img-'));
  const local = `localhost/${options.repository}:${options.tag}`;
  const cleanupLocal = async (): Promise<void> => {
    await podman(['rmi', '--force', local]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await writeFile(join(dir, 'payload.bin'), randomBytes(payloadBytes));
    await run('tar', ['-C', dir, '-cf', join(dir, 'rootfs.tar'), 'payload.bin']);
    await podman(['import', '--quiet', join(dir, 'rootfs.tar'), local]);
    const digestFile = join(dir, 'digest');
    // The registry is loopback http; podman wants TLS unless told otherwise.
    await podman([
      'push',
      '--quiet',
      '--tls-verify=false',
      '--digestfile',
      digestFile,
      local,
      `${options.registry}/${options.repository}:${options.tag}`,
    ]);
    const digest = (await readFile(digestFile, 'utf8')).trim();
    return { repository: options.repository, tag: options.tag, digest, payloadBytes, cleanupLocal };
  } catch (err) {
    await cleanupLocal();
    throw err;
  }
}

/**
 * Builds `context` (its Containerfile, or `file`) from the local base image with podman — in docker
 * format, which keeps HEALTHCHECK — pushes it as `registry/repository:tag` and returns the digest the
 * registry stored. Identical builds reuse podman's layer cache, so the example images cost one build
 * per machine, not one per test file.
 */
export async function buildAndPushImage(options: {
  registry: string;
  repository: string;
  tag: string;
  context: string;
  file?: string;
  buildArgs?: string[];
}): Promise<string> {
  const base = process.env['DIGESTLINE_BASE_IMAGE'];
  if (base === undefined || base === '') {
    throw new Error('DIGESTLINE_BASE_IMAGE is not set: run `eval "$(scripts/setup-host)"` first');
  }
  const ref = `${options.registry}/${options.repository}:${options.tag}`;
  await podman([
    'build',
    '--format',
    'docker',
    '--build-arg',
    `BASE_IMAGE=${base}`,
    ...(options.buildArgs ?? []),
    ...(options.file !== undefined ? ['-f', options.file] : []),
    '-t',
    ref,
    options.context,
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'dl-digest-'));
  try {
    await podman(['push', '--tls-verify=false', '--digestfile', join(dir, 'digest'), ref]);
    const digest = (await readFile(join(dir, 'digest'), 'utf8')).trim();
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new Error(`podman push of ${ref} gave no digest`);
    return digest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
