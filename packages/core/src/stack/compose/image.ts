/** A service's `image`: a digest reference, or a placeholder filled from the image set. */
import { ImageReferenceError } from '../../errors.js';
import { parseReference, pinImage, type ImageReference, type PinnedImage } from '../../reference.js';
import { describe, type Parser, type Path } from './document.js';

/** Image set entries by the placeholder they fill (`BACKEND_IMAGE`). */
export type ImagesByPlaceholder = Map<string, PinnedImage>;

/** The placeholder an image set entry fills: `backend` → `BACKEND_IMAGE`, `web-ui` → `WEB_UI_IMAGE`. */
export function placeholderFor(imageSetName: string): string {
  return `${imageSetName.toUpperCase().replace(/-/g, '_')}_IMAGE`;
}

/**
 * Reads service `service`'s `image`, resolving a placeholder through `byPlaceholder`; an image the
 * file pins itself is named after the service.
 */
export function parseImage(
  p: Parser,
  at: Path,
  value: unknown,
  byPlaceholder: ImagesByPlaceholder,
  service: string,
): { image: PinnedImage; imagePlaceholder?: string } {
  if (typeof value !== 'string' || value.trim() === '') {
    p.fail(
      at,
      `required: a digest reference or a placeholder like \${BACKEND_IMAGE}, got ${describe(value)}`,
    );
  }
  const placeholder = /^\$\{([A-Za-z0-9_]+)\}$/.exec(value.trim())?.[1];
  if (placeholder !== undefined) {
    const entry = byPlaceholder.get(placeholder);
    if (entry === undefined) {
      const known = [...byPlaceholder.keys()].map((k) => `\${${k}}`).join(', ') || 'none';
      p.fail(
        at,
        `placeholder \${${placeholder}} has no image: the image set needs an entry whose name gives ${placeholder} (e.g. ${placeholder
          .replace(/_IMAGE$/, '')
          .toLowerCase()
          .replace(/_/g, '-')}=<repository>@sha256:<hex>); it fills ${known}`,
      );
    }
    return { image: entry, imagePlaceholder: placeholder };
  }
  if (value.includes('$')) {
    p.fail(at, `only a whole-value placeholder \${NAME} is supported in image, got ${JSON.stringify(value)}`);
  }
  let ref: ImageReference;
  try {
    ref = parseReference(value.trim());
  } catch (err) {
    if (err instanceof ImageReferenceError) p.fail(at, err.message);
    throw err;
  }
  if (ref.digest === undefined || ref.tag !== undefined) {
    p.fail(
      at,
      `${JSON.stringify(value)} must be pinned by digest and carry no tag (repository@sha256:<hex>), or be a placeholder filled from the image set`,
    );
  }
  return { image: pinImage(service, ref) };
}
