/**
 * Target templates of promote-digest: where each image of a set goes, e.g.
 * `127.0.0.1:5000/staging/{name}:staging`. `{name}` is the image's name in the set; the tag is
 * optional (without one the image is pushed by digest only).
 */
import { InputError, ImageReferenceError } from '../errors.js';
import { parseReference } from '../reference.js';

/** Where one image is promoted to. `tag` is absent when the template has none (push by digest only). */
export interface TargetLocation {
  registry: string;
  repository: string;
  tag?: string;
}

/** The placeholder replaced by each image's set name. */
export const NAME_PLACEHOLDER = '{name}';

const FORM =
  'registry/repository[:tag] with {name} for the image name, e.g. 127.0.0.1:5000/staging/{name}:staging';

/**
 * Checks a target template against the number of images it has to place.
 *
 * @param imageCount how many images are promoted together: more than one needs `{name}`, otherwise
 *   every image would land on the same target
 * @throws InputError naming `input` when the template has a digest, an unknown placeholder, no
 *   `{name}` for several images, or does not form a valid reference
 */
export function checkTargetTemplate(template: string, imageCount: number, input = 'target'): void {
  const text = template.trim();
  if (text === '') throw new InputError(input, `input "${input}" is required: set it to ${FORM}`);
  const unknown = text.replaceAll(NAME_PLACEHOLDER, '').match(/\{[^}]*\}?|\}/);
  if (unknown !== null) {
    throw new InputError(
      input,
      `input "${input}" has ${JSON.stringify(unknown[0])}; the only placeholder is ${NAME_PLACEHOLDER} (${FORM})`,
    );
  }
  if (text.includes('@')) {
    throw new InputError(
      input,
      `input "${input}" must not contain a digest: the digest is the source's, promotion keeps it (${FORM})`,
    );
  }
  if (imageCount > 1 && !text.includes(NAME_PLACEHOLDER)) {
    throw new InputError(
      input,
      `input "${input}" must contain ${NAME_PLACEHOLDER} when ${imageCount} images are promoted, ` +
        `or they would all land on ${JSON.stringify(text)} (${FORM})`,
    );
  }
  // A representative name catches templates that are wrong whatever the name (bad host, bad tag).
  expandTarget(text, 'x', input);
}

/**
 * Expands a target template for one image (pure).
 *
 * @throws InputError naming `input` when the expanded text is not a valid `registry/repository[:tag]`
 */
export function expandTarget(template: string, name: string, input = 'target'): TargetLocation {
  const text = template.trim().replaceAll(NAME_PLACEHOLDER, name);
  let ref;
  try {
    ref = parseReference(text);
  } catch (err) {
    if (err instanceof ImageReferenceError) {
      throw new InputError(
        input,
        `input "${input}" ${JSON.stringify(template.trim())} gives ${err.message} for image ${JSON.stringify(name)} (${FORM})`,
        { cause: err },
      );
    }
    throw err;
  }
  if (ref.digest !== undefined) {
    throw new InputError(input, `input "${input}" must not contain a digest (${FORM})`);
  }
  const location: TargetLocation = { registry: ref.registry, repository: ref.repository };
  if (ref.tag !== undefined) location.tag = ref.tag;
  return location;
}

/** `registry/repository[:tag]` of a target. */
export function formatTarget(target: TargetLocation): string {
  return `${target.registry}/${target.repository}${target.tag !== undefined ? `:${target.tag}` : ''}`;
}
