import { isAbsolute, join } from 'node:path';
import type { BuildImageRequest } from '@digestline/core/image/build-image';
import type { CommitInfo } from '@digestline/core/image/commit';
import {
  IMAGE_ROLES,
  defaultCacheRepository,
  parseBuildArgs,
  parseCacheRepository,
  parseImageRepository,
  parseLabels,
  parseRegistryLogin,
  parseTags,
  resolveContainerfile,
  resolveContext,
  type ImageRole,
  type RegistryLogin,
} from '@digestline/core/image/inputs';
import { assembleBuildArgs, assembleLabels } from '@digestline/core/image/labels';
import { maskSecret } from '@digestline/core/step';
import { ENGINE_CHOICES, type EngineChoice } from '@digestline/core/engine/choices';
import { InputError, errorMessage } from '@digestline/core/errors';
import { getBoolean, getEnum, getList, getString } from '@digestline/core/inputs';
import type { ImagePolicy } from '@digestline/core/policy/types';
import type { ImageReference } from '@digestline/core/reference';
import { isLoopbackRegistry } from '@digestline/core/registry/loopback';
import { repositoryName } from '@digestline/core/reference';
import { Inputs as Name } from './constants.js';

export interface Inputs {
  context: string;
  file: string;
  image: ImageReference;
  tags: string[];
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  target?: string;
  policy?: ImagePolicy;
  role: ImageRole;
  push: boolean;
  engine: EngineChoice;
  login?: RegistryLogin;
  /** Registry cache to read layers from; undefined when off. */
  cacheFrom?: ImageReference;
  /** Registry cache to write layers to; undefined when off. */
  cacheTo?: ImageReference;
}

/**
 * Reads and validates every input before anything runs: a bad input fails the step naming it, with
 * nothing built or pushed. The policy is loaded here (lazily imported: only builds with a policy pay
 * for the YAML parser) so that a broken policy fails in seconds, not after the build.
 */
export async function getInputs(cwd = process.cwd()): Promise<Inputs> {
  const password = getString(Name.RegistryPassword);
  maskSecret(password);
  const context = resolveContext(getString(Name.Context, { required: true }), cwd, Name.Context);
  const inputs: Inputs = {
    context,
    file: resolveContainerfile(context, getString(Name.File), cwd, Name.File),
    image: parseImageRepository(getString(Name.Image, { required: true }), Name.Image),
    tags: parseTags(getList(Name.Tags), undefined, Name.Tags),
    buildArgs: parseBuildArgs(getString(Name.BuildArgs), Name.BuildArgs),
    labels: parseLabels(getString(Name.Labels), Name.Labels),
    role: getEnum(Name.Role, IMAGE_ROLES, 'runtime'),
    push: getBoolean(Name.Push, true),
    engine: getEnum(Name.Engine, ENGINE_CHOICES, 'auto'),
  };
  // Written by default only by builds that push: a build that does not often has no registry login.
  const cache = defaultCacheRepository(inputs.image);
  const cacheFrom = parseCacheRepository(getString(Name.CacheFrom), Name.CacheFrom, cache);
  if (cacheFrom !== undefined) inputs.cacheFrom = cacheFrom;
  const cacheTo = parseCacheRepository(
    getString(Name.CacheTo),
    Name.CacheTo,
    inputs.push ? cache : undefined,
  );
  if (cacheTo !== undefined) inputs.cacheTo = cacheTo;
  const target = getString(Name.Target);
  if (target !== '') inputs.target = target;
  const login = parseRegistryLogin(getString(Name.RegistryUsername), password, {
    username: Name.RegistryUsername,
    password: Name.RegistryPassword,
  });
  if (login !== undefined) inputs.login = login;

  const policyPath = getString(Name.Policy);
  if (policyPath !== '') {
    if (!inputs.push) {
      throw new InputError(
        Name.Policy,
        `input "${Name.Policy}" needs "${Name.Push}: true": the policy is checked against the pushed image`,
      );
    }
    const { loadPolicy } = await import('@digestline/core/policy/load');
    try {
      // Relative to the workspace, and named in errors as the user wrote it.
      inputs.policy = await loadPolicy(
        isAbsolute(policyPath) || cwd === process.cwd() ? policyPath : join(cwd, policyPath),
      );
    } catch (err) {
      throw new InputError(Name.Policy, `input "${Name.Policy}": ${errorMessage(err)}`, { cause: err });
    }
  }
  return inputs;
}

/**
 * The build request for core's `buildImage` (pure): labels and build args completed with the commit's
 * revision, time and source, the commit sha as the pushed tag.
 * @param tempDir where the policy report goes (the runner's RUNNER_TEMP)
 */
export function getBuildRequest(inputs: Inputs, commit: CommitInfo, tempDir: string): BuildImageRequest {
  const request: BuildImageRequest = {
    repository: inputs.image,
    build: {
      context: inputs.context,
      file: inputs.file,
      buildArgs: assembleBuildArgs(inputs.buildArgs, commit),
      labels: assembleLabels(inputs.labels, commit, inputs.role),
      ...(inputs.target !== undefined ? { target: inputs.target } : {}),
      ...cacheOptions(inputs),
    },
    commit,
    role: inputs.role,
    extraTags: inputs.tags.filter((tag) => tag !== commit.revision),
    push: inputs.push,
    // Plain http only to loopback registries, as the registry client does.
    insecure: isLoopbackRegistry(inputs.image.registry),
  };
  if (inputs.policy !== undefined) {
    request.policy = inputs.policy;
    const slug = `${inputs.image.repository.replaceAll('/', '-')}-${commit.revision.slice(0, 12)}`;
    request.policyReportPath = join(tempDir, 'digestline-build-image', slug, 'policy-report.json');
  }
  return request;
}

/**
 * The build's cache flags. Plain http for the build only when every cache registry is a loopback
 * one (podman's `--tls-verify=false` covers every registry the build touches, the base image's too).
 */
function cacheOptions(
  inputs: Inputs,
): Pick<BuildImageRequest['build'], 'cacheFrom' | 'cacheTo' | 'insecure'> {
  const caches = [inputs.cacheFrom, inputs.cacheTo].filter((c) => c !== undefined);
  if (caches.length === 0) return {};
  return {
    ...(inputs.cacheFrom !== undefined ? { cacheFrom: repositoryName(inputs.cacheFrom) } : {}),
    ...(inputs.cacheTo !== undefined ? { cacheTo: repositoryName(inputs.cacheTo) } : {}),
    ...(caches.every((c) => isLoopbackRegistry(c.registry)) ? { insecure: true } : {}),
  };
}

/** Whether the step's registry login is needed: for the push, or a cache on the image's registry. */
export function needsLogin(inputs: Inputs): boolean {
  if (inputs.login === undefined) return false;
  const sameRegistry = [inputs.cacheFrom, inputs.cacheTo].some((c) => c?.registry === inputs.image.registry);
  return inputs.push || sameRegistry;
}
