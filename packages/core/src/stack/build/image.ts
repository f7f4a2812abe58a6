/**
 * Which image a service runs: its image set entry (by service name), its own digest reference, or
 * the digest its own tag was resolved to at start (stack/resolve.ts).
 */
import { ImageReferenceError } from '../../errors.js';
import type { ImageSet } from '../../inputs.js';
import {
  familiarString,
  formatReference,
  parseReference,
  pinImage,
  type ImageReference,
  type PinnedImage,
} from '../../reference.js';
import type { ComposeService } from '../compose/model.js';
import type { Path } from '../compose/document.js';
import type { Problems } from './problems.js';

/**
 * Every image set entry must name a service: an entry that names none is a typo that would
 * otherwise leave the image under test out of the stack.
 */
export function checkImageSet(images: ImageSet, services: string[], problems: Problems): void {
  for (const entry of images) {
    if (services.includes(entry.name)) continue;
    problems.error(
      ['services'],
      `the images input has an entry ${JSON.stringify(entry.name)} but the file has no service of that name (services: ${services.join(', ') || 'none'}); images are injected by service name`,
    );
  }
}

/** What a service's image is chosen with. */
export interface ImageContext {
  /** The images under test, by service name. */
  images: ImageSet;
  /** Tags resolved at start: `registry/repository:tag` (see {@link tagReference}) → `sha256:…`. */
  resolved?: ReadonlyMap<string, string> | undefined;
  /** The `require-digests` input: a tag is an error instead of being resolved. */
  requireDigests?: boolean | undefined;
  /** Filled in: each tag still to resolve → the services naming it. */
  tags: Map<string, string[]>;
  problems: Problems;
}

/**
 * The key a tag is resolved under: the fully qualified `registry/repository:tag` (`postgres:16` →
 * `docker.io/library/postgres:16`; no tag means `latest`, as docker and podman pull it).
 */
export function tagReference(ref: ImageReference): string {
  return formatReference({ registry: ref.registry, repository: ref.repository, tag: ref.tag ?? 'latest' });
}

/** A service's own tag: pinned to its resolved digest, or reported (to resolve, or refused). */
function taggedImage(
  name: string,
  text: string,
  ref: ImageReference,
  ctx: ImageContext,
): PinnedImage | undefined {
  const at: Path = ['services', name, 'image'];
  const key = tagReference(ref);
  const shown = familiarString({ ...ref, tag: ref.tag ?? 'latest' });
  if (ctx.requireDigests === true) {
    ctx.problems.error(
      at,
      `${JSON.stringify(text)} is a tag and the input require-digests is true: pin it by digest (${shown}@sha256:<hex>; skopeo inspect or docker buildx imagetools inspect prints it), or pass it in the images input (${name}=<repository>@sha256:<hex>)`,
    );
    return undefined;
  }
  const digest = ctx.resolved?.get(key);
  if (digest === undefined) {
    ctx.tags.set(key, [...(ctx.tags.get(key) ?? []), name]);
    ctx.problems.warning(
      at,
      `${shown} is resolved to a digest at start; pin it (${shown}@sha256:…) to make the file say what runs`,
    );
    return undefined;
  }
  ctx.problems.warning(
    at,
    `${shown} was resolved to ${digest} at start; pin it (${shown}@${digest}) to make the file say what runs`,
  );
  return pinImage(name, { registry: ref.registry, repository: ref.repository, digest });
}

/**
 * The image service `name` runs. An image set entry named like the service wins over its `image:`
 * (and makes its `build:` irrelevant); otherwise its own `image:` pinned by digest
 * (`name:tag@sha256:…` is accepted: the digest wins, as with Docker), or its tag's digest as
 * resolved at start (an unresolved tag is recorded in `ctx.tags`, with a warning).
 * @returns undefined after reporting the problem, or while its tag is unresolved
 */
export function serviceImage(
  name: string,
  service: ComposeService,
  ctx: ImageContext,
): PinnedImage | undefined {
  const { images, problems } = ctx;
  const at: Path = ['services', name];
  const entry = images.find((e) => e.name === name);
  if (entry !== undefined) return entry;
  if (service.image === undefined) {
    problems.error(
      service.build === undefined ? at : [...at, 'build'],
      service.build === undefined
        ? `has neither image nor build: give it an image pinned by digest, or pass its image in the images input (${name}=<repository>@sha256:<hex>)`
        : `build-only service: pass its image in the images input (${name}=<repository>@sha256:<hex>); digestline runs images built and pushed before, it does not build`,
    );
    return undefined;
  }
  if (typeof service.image !== 'string') {
    problems.error([...at, 'image'], 'must be an image reference');
    return undefined;
  }
  let ref: ImageReference;
  try {
    ref = parseReference(service.image.trim());
  } catch (err) {
    if (!(err instanceof ImageReferenceError)) throw err;
    problems.error([...at, 'image'], err.message);
    return undefined;
  }
  if (service.build !== undefined) {
    problems.warning(
      [...at, 'build'],
      'not built: the image named by image runs as pinned (pass an image in the images input to run another)',
    );
  }
  try {
    if (ref.digest === undefined) return taggedImage(name, service.image.trim(), ref, ctx);
    return pinImage(name, { registry: ref.registry, repository: ref.repository, digest: ref.digest });
  } catch (err) {
    if (!(err instanceof ImageReferenceError)) throw err;
    problems.error([...at, 'image'], err.message);
    return undefined;
  }
}
