/**
 * The promotion plan: each image of the set with its source (pinned by digest) and its expanded
 * target. Built before anything touches a registry, so input mistakes (collisions, bad templates)
 * are refused up front.
 */
import { InputError } from '../errors.js';
import type { ImageSet } from '../inputs.js';
import type { PinnedImage } from '../reference.js';
import { checkTargetTemplate, expandTarget, formatTarget, type TargetLocation } from './target.js';

/** One image to promote. */
export interface PlannedImage {
  /** Name in the set (`web` in `web=repo@sha256:…`). */
  name: string;
  source: PinnedImage;
  target: TargetLocation;
}

/**
 * Builds the plan for an image set and a target template (pure).
 *
 * @throws InputError (`target`) when the template is invalid for this set, or two images with
 *   different digests would get the same target tag
 * @throws InputError (`images`) when the set is empty
 */
export function buildPlan(
  set: ImageSet,
  template: string,
  inputs = { images: 'images', target: 'target' },
): PlannedImage[] {
  if (set.length === 0) {
    throw new InputError(
      inputs.images,
      `input "${inputs.images}" lists no images: add name=repository@sha256:… lines`,
    );
  }
  checkTargetTemplate(template, set.length, inputs.target);
  const plan = set.map((source): PlannedImage => ({
    name: source.name,
    source,
    target: expandTarget(template, source.name, inputs.target),
  }));
  const byTag = new Map<string, PlannedImage>();
  for (const image of plan) {
    if (image.target.tag === undefined) continue;
    const key = formatTarget(image.target);
    const other = byTag.get(key);
    if (other !== undefined && other.source.digest.value !== image.source.digest.value) {
      throw new InputError(
        inputs.target,
        `input "${inputs.target}" sends ${other.name} and ${image.name} to the same tag ${key}; ` +
          `use ${'{name}'} in the repository or tag`,
      );
    }
    byTag.set(key, image);
  }
  return plan;
}
