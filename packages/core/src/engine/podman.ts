import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultExec, type Exec } from '../exec.js';
import { ExecError } from '../errors.js';
import { CliEngine } from './cli-engine.js';
import type {
  BuildOptions,
  NetworkCreateOptions,
  RegistryOptions,
  RunOptions,
  TmpfsMount,
} from './engine.js';

/** Podman (4.x and newer) through its CLI. */
export class Podman extends CliEngine {
  readonly kind = 'podman' as const;

  /**
   * @param exec runs every command (inject a spied one in tests)
   * @param bin the podman program
   */
  constructor(exec: Exec = defaultExec, bin = 'podman') {
    super(exec, bin);
  }

  /**
   * `version` argv: the server's version (fails when a remote service cannot be reached). Cheaper
   * than `info` (~0.06 s against ~0.7 s); podman's root dir is not needed to decide bind or copy.
   */
  override serverInfoArgs(): string[] {
    return ['version', '--format', '{{.Server.Version}}'];
  }

  /** Podman 4.3 and newer: `--cache-from`/`--cache-to` take a repository and tag its layers by cache key. */
  protected override buildEngineArgs(opts: BuildOptions): string[] {
    const args = [
      '--format',
      opts.format ?? 'docker',
      `--pull=${opts.pull ?? 'missing'}`,
      ...this.tlsArgs(opts),
    ];
    if (opts.cacheFrom !== undefined) args.push('--cache-from', opts.cacheFrom);
    if (opts.cacheTo !== undefined) args.push('--cache-to', opts.cacheTo);
    return args;
  }

  protected override tlsArgs(opts: RegistryOptions): string[] {
    return opts.insecure ? ['--tls-verify=false'] : [];
  }

  /** Podman takes a JSON array as exec form (a plain string would be run by /bin/sh). */
  protected override execFormHealthCmd(argv: string[]): string {
    return JSON.stringify(argv);
  }

  /**
   * Podman's `--read-only` also mounts writable tmpfs on /run, /tmp and /var/tmp unless told not
   * to; Docker's does not. A stack must behave the same on both, so podman is told not to.
   */
  /** netavark routes between bridge networks unless a network is created isolated (podman ≥ 4.3). */
  protected override isolateArgs(opts: NetworkCreateOptions): string[] {
    return opts.isolate ? ['--opt', 'isolate=true'] : [];
  }

  protected override confinementArgs(opts: RunOptions): string[] {
    const args = super.confinementArgs(opts);
    if (opts.readOnly) args.splice(args.indexOf('--read-only') + 1, 0, '--read-only-tmpfs=false');
    return args;
  }

  /**
   * Two differences from Docker's `--tmpfs`, so a stack behaves the same on both: Docker mounts tmpfs
   * `noexec` unless told `exec`, podman the other way round, so podman is told `noexec`; podman 4.3
   * refuses `uid=`/`gid=`, but its `U` chowns the mount to the container's user, the same thing when
   * that user is the one named.
   * @throws Error when uid/gid name someone other than the container's numeric `user`
   */
  protected override tmpfsSpec(t: TmpfsMount, opts: RunOptions): string {
    const options = t.options ?? [];
    const owner = options.filter((o) => /^(uid|gid)=/.test(o));
    const rest = options.filter((o) => !owner.includes(o));
    if (owner.length > 0) {
      const [uid, gid] = (opts.user ?? '').split(':');
      const matches = owner.every((o) => o === `uid=${uid}` || (gid !== undefined && o === `gid=${gid}`));
      if (!matches) {
        throw new Error(
          `tmpfs ${t.target}: podman cannot mount a tmpfs owned by ${owner.join(',')} unless the service runs as that user (user: ${JSON.stringify(opts.user ?? '')}); set user: to the same uid:gid, or drop uid=/gid=`,
        );
      }
      rest.push('U');
    }
    if (!rest.includes('exec') && !rest.includes('noexec')) rest.push('noexec');
    return super.tmpfsSpec({ ...t, options: rest }, opts);
  }

  /**
   * `cp` argv into a container. `--archive=false`: keep the copied files' owners, as docker's `cp`
   * does; podman's default gives them to the container's user, and a staged directory a non-root
   * container must write (a report) would become root's.
   */
  override copyIntoArgs(source: string, container: string, path: string): string[] {
    return ['cp', '--archive=false', source, `${container}:${path}`];
  }

  /** With `force`, podman would wait 10 s for a graceful stop first; docker kills at once. Match docker. */
  override removeArgs(nameOrId: string, opts: { force?: boolean; volumes?: boolean } = {}): string[] {
    const args = super.removeArgs(nameOrId, opts);
    if (opts.force) args.splice(1, 0, '--time', '0');
    return args;
  }

  /** `push` argv, writing the registry's manifest digest to `digestfile`. */
  pushArgs(ref: string, digestfile: string, opts: RegistryOptions = {}): string[] {
    return ['push', ...this.tlsArgs(opts), '--digestfile', digestfile, ref];
  }

  override async push(ref: string, opts: RegistryOptions = {}): Promise<string | undefined> {
    return this.withTempDir(async (dir) => {
      const digestfile = join(dir, 'digest');
      await this.exec.exec(this.bin, this.pushArgs(ref, digestfile, opts));
      const digest = (await readFile(digestfile, 'utf8')).trim();
      // podman 5's remote client against a podman 4.3 service pushes but writes nothing.
      if (digest === '') return undefined;
      if (!/^sha256:[0-9a-f]{64}$/.test(digest)) {
        throw new Error(
          `podman push ${ref} succeeded but --digestfile holds ${JSON.stringify(digest)}, not a digest`,
        );
      }
      return digest;
    });
  }

  /** Runs the check once; exit 1 means "unhealthy", which the check records, so it is not an error. */
  override async runHealthcheck(nameOrId: string): Promise<void> {
    const r = await this.exec.exec(this.bin, ['healthcheck', 'run', nameOrId], {
      silent: true,
      ignoreReturnCode: true,
    });
    if (r.exitCode !== 0 && r.exitCode !== 1) {
      const argv = [this.bin, 'healthcheck', 'run', nameOrId];
      throw new ExecError(argv, r.exitCode, r.stderr.trim());
    }
  }

  /**
   * `ImageName` is the reference given to `run`. Podman's `ImageDigest` is deliberately not used:
   * for an image built here and pushed, it is the digest of the local (uncompressed) manifest,
   * which differs from the digest the registry serves.
   */
  protected override containerImageRef(raw: Record<string, unknown>): string {
    return typeof raw.ImageName === 'string' ? raw.ImageName : '';
  }
}
