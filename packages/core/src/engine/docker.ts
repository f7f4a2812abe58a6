import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultExec, type Exec } from '../exec.js';
import { CliEngine } from './cli-engine.js';
import type { BuildOptions, RegistryOptions } from './engine.js';
import { stringArray } from './inspect-json.js';
import { pickRepoDigest } from './repo-digests.js';

/** Docker Engine through the docker CLI (legacy builder or BuildKit, whichever the CLI uses). */
export class Docker extends CliEngine {
  readonly kind = 'docker' as const;

  /**
   * @param exec runs every command (inject a spied one in tests)
   * @param bin the docker program
   */
  constructor(exec: Exec = defaultExec, bin = 'docker') {
    super(exec, bin);
  }

  /**
   * Docker's legacy builder (Docker Engine 20.10, Debian 12) only looks for `Dockerfile`; podman also
   * finds `Containerfile`. Point docker at a lone Containerfile so one context builds on both.
   * The legacy builder has no registry cache of its own: `cacheFrom` is pulled first (absent on a
   * first build: not an error), `cacheTo` gets the built image pushed.
   */
  override async build(opts: BuildOptions): Promise<string> {
    const lone =
      opts.file === undefined &&
      !existsSync(join(opts.context, 'Dockerfile')) &&
      existsSync(join(opts.context, 'Containerfile'));
    if (opts.cacheFrom !== undefined) {
      await this.exec.exec(this.bin, ['pull', cacheImage(opts.cacheFrom)], { ignoreReturnCode: true });
    }
    const id = await super.build(lone ? { ...opts, file: join(opts.context, 'Containerfile') } : opts);
    if (opts.cacheTo !== undefined) {
      await this.exec.exec(this.bin, ['tag', id, cacheImage(opts.cacheTo)]);
      await this.exec.exec(this.bin, this.pushArgs(cacheImage(opts.cacheTo)));
    }
    return id;
  }

  /** `info` argv: the daemon's version and root dir (fails when the daemon cannot be reached). */
  override serverInfoArgs(): string[] {
    return ['info', '--format', '{{.ServerVersion}}\t{{.DockerRootDir}}'];
  }

  /** Docker's `--pull` is a switch meaning "always"; leaving it out means "missing". */
  protected override buildEngineArgs(opts: BuildOptions): string[] {
    const args = opts.pull === 'always' ? ['--pull'] : [];
    if (opts.cacheFrom !== undefined) args.push('--cache-from', cacheImage(opts.cacheFrom));
    return args;
  }

  /**
   * Docker's `--health-cmd` is always run by /bin/sh in the container, so exec form is written as
   * one shell-quoted command line.
   */
  protected override execFormHealthCmd(argv: string[]): string {
    return argv.map(shellQuote).join(' ');
  }

  /** `push` argv. */
  pushArgs(ref: string): string[] {
    return ['push', ref];
  }

  /**
   * Pushes and returns the registry's digest: from the `<tag>: digest: sha256:... size: N` line
   * docker prints, else from the image's RepoDigests for the pushed repository.
   */
  override async push(ref: string, _opts: RegistryOptions = {}): Promise<string> {
    const r = await this.exec.exec(this.bin, this.pushArgs(ref));
    const fromOutput = parsePushDigest(r.stdout);
    if (fromOutput !== undefined) return fromOutput;
    const inspect = await this.exec.exec(
      this.bin,
      ['image', 'inspect', '--format', '{{json .RepoDigests}}', ref],
      {
        silent: true,
      },
    );
    const repoDigests = stringArray(JSON.parse(inspect.stdout.trim() || 'null'));
    const digest = pickRepoDigest(repoDigests, ref);
    if (digest === undefined) {
      throw new Error(
        `docker push ${ref} succeeded but its digest is unknown: no "digest:" line in the output and ` +
          `RepoDigests ${JSON.stringify(repoDigests)} hold no single digest for that repository`,
      );
    }
    return digest;
  }

  protected override containerImageRef(raw: Record<string, unknown>): string {
    const config = raw.Config;
    if (
      typeof config === 'object' &&
      config !== null &&
      'Image' in config &&
      typeof config.Image === 'string'
    ) {
      return config.Image;
    }
    return '';
  }
}

/** The digest from docker push output (`latest: digest: sha256:<hex> size: 528`); the last one wins. */
export function parsePushDigest(output: string): string | undefined {
  const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64}) size: \d+/g)];
  return matches.at(-1)?.[1];
}

/** The one image of a cache repository Docker's legacy builder can use: its `latest`. */
function cacheImage(repository: string): string {
  return `${repository}:latest`;
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_/.:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
