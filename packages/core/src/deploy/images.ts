/**
 * The two shapes an image set takes once it is past the inputs: `name=reference` lines (the
 * `images` input and the step outputs) and a name → digest reference map (ledger records, events).
 */
import type { ImageSet } from '../inputs.js';
import { pinnedReference } from '../reference.js';

/** `name=reference` lines of an image set (the format of the `images` input and outputs). */
export function imageLines(digests: Record<string, string>): string {
  return Object.entries(digests)
    .map(([name, ref]) => `${name}=${ref}`)
    .join('\n');
}

/** Image set entries as a name → digest reference map. */
export function digestMap(images: ImageSet): Record<string, string> {
  return Object.fromEntries(images.map((image): [string, string] => [image.name, pinnedReference(image)]));
}
