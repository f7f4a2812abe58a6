/**
 * OCI image references, following the grammar of distribution/reference (what docker and podman
 * accept), with Docker Hub normalisation (`nginx` → `docker.io/library/nginx`).
 *
 * Written here rather than taken from npm: the candidates (`docker-parse-image`,
 * `@swimlane/docker-reference`) either do not validate or do not know bracketed IPv6 hosts, and
 * digestline needs exact, explainable errors for refs that decide what gets deployed.
 */
import { isIPv6 } from './ip.js';
import { ImageReferenceError } from './errors.js';

/** A parsed image reference; `registry` and `repository` are always filled in (normalised). */
export interface ImageReference {
  /** Registry host, with port when given: `docker.io`, `127.0.0.1:5000`, `[::1]:5000`. */
  registry: string;
  /** Repository path inside the registry, e.g. `library/nginx` or `digestline/app`. */
  repository: string;
  /** Tag, when the reference had one (`latest` is not implied). */
  tag?: string;
  /** Digest `algorithm:hex`, when the reference had one. */
  digest?: string;
}

/** Digest algorithms digestline accepts, with the length of their lowercase hex encoding. */
export const DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 } as const;

/** A digest algorithm digestline accepts. */
export type DigestAlgorithm = keyof typeof DIGEST_HEX_LENGTH;

/** A validated digest split into its parts; `value` is the canonical `algorithm:hex` text. */
export interface ParsedDigest {
  algorithm: DigestAlgorithm;
  hex: string;
  value: string;
}

/**
 * An image pinned by digest, under the name the pipeline knows it by (`backend`, `web`): the one type
 * a validated image travels as, from the input that named it through stacks, lanes, evidence,
 * promotion and deployment. Built only by {@link pinImage}, so the digest was checked once, there.
 */
export interface PinnedImage {
  /** The image set's name for it, or the service name for an image a stack file pins itself. */
  readonly name: string;
  /** Registry host, with port when given (normalised as in {@link ImageReference}). */
  readonly registry: string;
  /** Repository path inside the registry. */
  readonly repository: string;
  readonly digest: ParsedDigest;
}

/** Registry used for references without a host, as docker and podman (with short names off) do. */
export const DEFAULT_REGISTRY = 'docker.io';

/** distribution/reference's NameTotalLengthMax, applied to the normalised `registry/repository`. */
export const NAME_MAX_LENGTH = 255;

const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const BRACKETED_HOST = /^\[([^\]]*)\](?::(.*))?$/;
const PORT = /^[0-9]+$/;
const IMAGE_ID = /^[a-f0-9]{64}$/;

const PATH_COMPONENT_RULE =
  'path components are lowercase letters and digits, separated by ".", "_", "__" or dashes';
const TAG_RULE =
  'tags are up to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-"';

/** Describes why `text` is not a digest, or returns undefined when it is one. */
function digestProblem(text: string): string | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return 'expected <algorithm>:<hex>, e.g. sha256:<64 lowercase hex>';
  const algorithm = text.slice(0, colon);
  const hex = text.slice(colon + 1);
  if (!Object.hasOwn(DIGEST_HEX_LENGTH, algorithm)) {
    return `algorithm ${JSON.stringify(algorithm)} is not supported (use sha256 or sha512)`;
  }
  const expected = DIGEST_HEX_LENGTH[algorithm as DigestAlgorithm];
  if (/[A-F]/.test(hex) && /^[0-9a-fA-F]*$/.test(hex)) return `${algorithm} hex must be lowercase`;
  if (!/^[0-9a-f]*$/.test(hex)) return `${algorithm} hex may only contain 0-9 and a-f`;
  if (hex.length !== expected) {
    return `${algorithm} needs ${expected} hex characters, got ${hex.length}`;
  }
  return undefined;
}

/** True when `text` is `sha256:<64 lowercase hex>` or `sha512:<128 lowercase hex>`. */
export function isDigest(text: string): boolean {
  return digestProblem(text) === undefined;
}

/**
 * Validates a digest and splits it.
 * @throws ImageReferenceError naming what is wrong (algorithm, case, length)
 */
export function parseDigest(text: string): ParsedDigest {
  const problem = digestProblem(text);
  if (problem !== undefined) throw new ImageReferenceError(text, problem, 'digest');
  const colon = text.indexOf(':');
  return { algorithm: text.slice(0, colon) as DigestAlgorithm, hex: text.slice(colon + 1), value: text };
}

/** Describes why `registry` is not a valid `host[:port]`, or returns undefined. */
function registryProblem(registry: string): string | undefined {
  let host: string;
  let port: string | undefined;
  const bracketed = BRACKETED_HOST.exec(registry);
  if (bracketed) {
    if (!isIPv6(bracketed[1] ?? '')) return `registry host "[${bracketed[1]}]" is not a valid IPv6 address`;
    port = bracketed[2];
  } else {
    const parts = registry.split(':');
    if (parts.length > 2)
      return `registry ${JSON.stringify(registry)} has several ":" (IPv6 hosts need [brackets])`;
    host = parts[0] ?? '';
    port = parts[1];
    if (host === '') return `registry ${JSON.stringify(registry)} has no host`;
    const bad = host.split('.').find((component) => !DOMAIN_COMPONENT.test(component));
    if (bad !== undefined) {
      return `registry host ${JSON.stringify(host)} is invalid: each dot-separated part is letters, digits and inner "-"`;
    }
  }
  if (port !== undefined) {
    if (!PORT.test(port) || Number(port) < 1 || Number(port) > 65535) {
      return `registry port ${JSON.stringify(port)} is not a number from 1 to 65535`;
    }
  }
  return undefined;
}

/** Splits off a leading registry the way docker does: only if it looks like a host. */
function splitRegistry(name: string): { registry: string; path: string; explicit: boolean } {
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const first = name.slice(0, slash);
    // Unlike docker we do not treat an uppercase first component as a host: `Foo/bar` is far more
    // likely a mistyped Hub repository than a registry called "Foo".
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
      return { registry: first, path: name.slice(slash + 1), explicit: true };
    }
  }
  return { registry: DEFAULT_REGISTRY, path: name, explicit: false };
}

/**
 * Parses an image reference (`[registry/]repository[:tag][@digest]`) and normalises Docker Hub
 * names (`nginx` → registry `docker.io`, repository `library/nginx`; `index.docker.io` → `docker.io`).
 * No tag is implied: `nginx` has neither tag nor digest.
 * @throws ImageReferenceError `"<text>" is not a valid image reference: <reason>`
 */
export function parseReference(text: string): ImageReference {
  const fail = (reason: string): never => {
    throw new ImageReferenceError(text, reason);
  };
  if (text === '') fail('it is empty');
  if (/\s/.test(text)) fail('it contains whitespace');

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const problem = digestProblem(digest);
    if (problem !== undefined) fail(`digest ${JSON.stringify(digest)} is invalid: ${problem}`);
  }

  if (rest.startsWith('[') && !rest.includes('/')) {
    fail(`it names only a registry host; add /<repository> after ${rest}`);
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) fail(`tag ${JSON.stringify(tag)} is invalid: ${TAG_RULE}`);
  }

  if (rest === '') fail('the repository name is missing');
  const split = splitRegistry(rest);
  let { registry, path } = split;
  if (split.explicit) {
    const problem = registryProblem(registry);
    if (problem !== undefined) fail(problem);
    if (path === '') fail(`the repository name after registry ${registry} is missing`);
  }
  if (registry === LEGACY_DEFAULT_REGISTRY) registry = DEFAULT_REGISTRY;

  const components = path.split('/');
  if (components.some((c) => c === '')) fail('repository has an empty path component (check the slashes)');
  if (/[A-Z]/.test(path)) fail('repository must be lowercase');
  const bad = components.find((c) => !PATH_COMPONENT.test(c));
  if (bad !== undefined)
    fail(`repository path component ${JSON.stringify(bad)} is invalid: ${PATH_COMPONENT_RULE}`);
  if (!split.explicit && IMAGE_ID.test(path)) {
    fail('a bare 64-character hex string is an image ID, not a repository name');
  }
  if (registry === DEFAULT_REGISTRY && components.length === 1) path = OFFICIAL_PREFIX + path;

  const length = registry.length + 1 + path.length;
  if (length > NAME_MAX_LENGTH) {
    fail(`the name ${registry}/${path} is ${length} characters long, the limit is ${NAME_MAX_LENGTH}`);
  }

  const ref: ImageReference = { registry, repository: path };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** `registry/repository`, fully qualified (e.g. `docker.io/library/nginx`). */
export function repositoryName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

/**
 * The fully qualified text of a reference: `registry/repository[:tag][@digest]`.
 * `parseReference(formatReference(r))` equals `r` for any `r` that `parseReference` returned.
 */
export function formatReference(ref: ImageReference): string {
  return `${repositoryName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/**
 * The short name docker shows: `docker.io/library/nginx` → `nginx`, `docker.io/foo/bar` → `foo/bar`;
 * names on other registries are unchanged. Tag and digest are left out.
 */
export function familiarName(ref: ImageReference): string {
  if (ref.registry !== DEFAULT_REGISTRY) return repositoryName(ref);
  const rest = ref.repository;
  if (rest.startsWith(OFFICIAL_PREFIX) && !rest.slice(OFFICIAL_PREFIX.length).includes('/')) {
    return rest.slice(OFFICIAL_PREFIX.length);
  }
  return rest;
}

/** `familiarName` plus `:tag` and `@digest` when present, for log lines people read. */
export function familiarString(ref: ImageReference): string {
  return `${familiarName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/**
 * The same repository pinned to `digest`. The tag is dropped unless `keepTag` is set: a digest
 * reference with a tag is legal but the tag is ignored on pull, and it misleads readers.
 * @throws ImageReferenceError when `digest` is not a valid digest
 */
export function withDigest(
  ref: ImageReference,
  digest: string,
  options: { keepTag?: boolean } = {},
): ImageReference {
  parseDigest(digest);
  const pinned: ImageReference = { registry: ref.registry, repository: ref.repository, digest };
  if (options.keepTag && ref.tag !== undefined) pinned.tag = ref.tag;
  return pinned;
}

/**
 * Pins `ref` under `name`.
 * @throws ImageReferenceError when `ref` has no digest or also has a tag (a tag beside a digest is
 *   ignored on pull and would only mislead)
 */
export function pinImage(name: string, ref: ImageReference): PinnedImage {
  const text = formatReference(ref);
  if (ref.digest === undefined) throw new ImageReferenceError(text, 'it is not pinned by digest');
  if (ref.tag !== undefined) throw new ImageReferenceError(text, 'a pinned image carries no tag');
  return { name, registry: ref.registry, repository: ref.repository, digest: parseDigest(ref.digest) };
}

/** `registry/repository@algorithm:hex`: the text an engine pulls and runs a pinned image by. */
export function pinnedReference(image: Pick<PinnedImage, 'registry' | 'repository' | 'digest'>): string {
  return `${image.registry}/${image.repository}@${image.digest.value}`;
}
