/** Which image a service runs: its image set entry (by service name), or its own digest reference. */
import { ImageReferenceError } from '../../errors.js';
import type { ImageSet } from '../../inputs.js';
import { parseReference, pinImage, type ImageReference, type PinnedImage } from '../../reference.js';
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

/**
 * The image service `name` runs. An image set entry named like the service wins over its `image:`
 * (and makes its `build:` irrelevant); otherwise its own `image:` must be pinned by digest
 * (`name:tag@sha256:…` is accepted: the digest wins, as with Docker).
 * @returns undefined after reporting the problem
 */
export function serviceImage(
  name: string,
  service: ComposeService,
  images: ImageSet,
  problems: Problems,
): PinnedImage | undefined {
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
  if (ref.digest === undefined) {
    problems.error(
      [...at, 'image'],
      `${JSON.stringify(service.image)} is not pinned by digest: write it as ${service.image}@sha256:<hex> (skopeo inspect or docker buildx imagetools inspect prints the digest), or pass it in the images input (${name}=<repository>@sha256:<hex>); tags are not resolved yet`,
    );
    return undefined;
  }
  if (service.build !== undefined) {
    problems.warning(
      [...at, 'build'],
      'not built: the image named by image runs as pinned (pass an image in the images input to run another)',
    );
  }
  try {
    return pinImage(name, { registry: ref.registry, repository: ref.repository, digest: ref.digest });
  } catch (err) {
    if (!(err instanceof ImageReferenceError)) throw err;
    problems.error([...at, 'image'], err.message);
    return undefined;
  }
}
