import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultExec, type Exec } from '../exec.js';
import { ExecError } from '../errors.js';
import { CliEngine } from './cli-engine.js';
import type { BuildOptions, NetworkCreateOptions, RegistryOptions, RunOptions } from './engine.js';

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

  protected override buildEngineArgs(opts: BuildOptions): string[] {
    return ['--format', opts.format ?? 'docker', `--pull=${opts.pull ?? 'missing'}`, ...this.tlsArgs(opts)];
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

  override async push(ref: string, opts: RegistryOptions = {}): Promise<string> {
    return this.withTempDir(async (dir) => {
      const digestfile = join(dir, 'digest');
      await this.exec.exec(this.bin, this.pushArgs(ref, digestfile, opts));
      const digest = (await readFile(digestfile, 'utf8')).trim();
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
