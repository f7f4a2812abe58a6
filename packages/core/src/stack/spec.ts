/**
 * Stack files: the documented subset of the Compose file format that digestline runs itself
 * (docs/stack-format.md). Parsing is pure and strict: anything outside the subset is an error that
 * names the key, its path and the file, because a key silently ignored (a `build:`, a bind mount,
 * a `0.0.0.0` port) would make the validated stack differ from what its author reads.
 */
import type { ImageSet } from '../inputs.js';
import { describe, isRecord, Parser } from './compose/document.js';
import { placeholderFor, type ImagesByPlaceholder } from './compose/image.js';
import { startOrder } from './compose/order.js';
import { parseDeclarations } from './compose/relations.js';
import { parseService } from './compose/service.js';
import { StackFileError, type StackSpec } from './compose/types.js';
import { STACK_NAME_PATTERN } from './names.js';

const TOP_LEVEL_KEYS = ['name', 'version', 'services', 'volumes', 'networks'];

/**
 * Parses a stack file and fills image placeholders from `images`.
 *
 * Placeholders: a service's `image` may be exactly `${NAME}`; image set entry `backend` fills
 * `${BACKEND_IMAGE}` (upper case, `-` → `_`). Every image must end up a digest reference. Other
 * strings are not interpolated: `$$` stands for `$`, and any other `$NAME` / `${...}` is an error
 * (Compose would substitute it from the runner's environment, which a stack must not depend on).
 *
 * @param text the file's contents
 * @param source the file's path (or another origin) for messages
 * @param images the image set (`name=repo@sha256:...`); every entry's name must be a service
 * @throws StackFileError naming the source, the key path (`services.backend.build`), the line and
 *   the reason, for YAML errors, keys outside the subset, refused values (bind mounts, non-loopback
 *   ports, tags instead of digests), unknown dependencies, unfilled placeholders and unused entries
 */
export function parseStack(text: string, source: string, images: ImageSet): StackSpec {
  const p: Parser = new Parser(text, source);
  const root = p.data();
  if (!isRecord(root)) p.fail([], `a stack file must be a map with a services key, not ${describe(root)}`);

  for (const key of Object.keys(root)) {
    if (key.startsWith('x-')) continue; // Compose extension fields: anchors live here.
    if (!TOP_LEVEL_KEYS.includes(key)) {
      p.fail(
        [key],
        `unsupported key; a stack file may have ${TOP_LEVEL_KEYS.join(', ')} (and x-* extensions)`,
        true,
      );
    }
  }

  const spec: StackSpec = { source, services: [], volumes: [] };
  if (root.name !== undefined) {
    if (typeof root.name !== 'string' || !STACK_NAME_PATTERN.test(root.name)) {
      p.fail(['name'], `must match ${STACK_NAME_PATTERN.source}, got ${describe(root.name)}`);
    }
    spec.name = root.name;
  }

  spec.volumes = parseDeclarations(p, root, 'volumes');
  const networks = parseDeclarations(p, root, 'networks');

  const services = root.services;
  if (!isRecord(services) || Object.keys(services).length === 0) {
    p.fail(['services'], `must be a map with at least one service, got ${describe(services)}`);
  }

  const byPlaceholder: ImagesByPlaceholder = new Map();
  for (const entry of images) {
    if (!Object.hasOwn(services, entry.name)) {
      throw new StackFileError(
        source,
        'services',
        `the image set has an entry ${JSON.stringify(entry.name)} but there is no service of that name (services: ${Object.keys(services).join(', ')})`,
      );
    }
    const placeholder = placeholderFor(entry.name);
    const clash = byPlaceholder.get(placeholder);
    if (clash !== undefined) {
      throw new StackFileError(
        source,
        'services',
        `image set entries ${JSON.stringify(clash.name)} and ${JSON.stringify(entry.name)} both fill \${${placeholder}}; rename one`,
      );
    }
    byPlaceholder.set(placeholder, entry);
  }

  for (const [name, value] of Object.entries(services)) {
    spec.services.push(parseService(p, name, value, byPlaceholder, spec.volumes, networks));
  }

  const names = new Set(spec.services.map((s) => s.name));
  for (const service of spec.services) {
    service.dependsOn.forEach((dep, i) => {
      if (dep.service === service.name)
        p.fail(['services', service.name, 'depends_on', i], 'a service cannot depend on itself');
      if (!names.has(dep.service)) {
        p.fail(
          ['services', service.name, 'depends_on'],
          `depends on ${JSON.stringify(dep.service)}, which is not a service (services: ${[...names].join(', ')})`,
        );
      }
    });
  }
  startOrder(spec);
  return spec;
}
