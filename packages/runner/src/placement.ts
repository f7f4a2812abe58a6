// Where a job runs, as forgejo-runner decides it: the runner's labels (`NAME:docker://IMAGE` runs
// the job in a fresh container from IMAGE, `NAME:host` on the runner's machine) against the
// job's `runs-on`, whose first label the runner knows wins.
import type { JsonValue } from './expressions.js';

/** Where the jobs of one runner label run. */
export type JobPlacement = { kind: 'host' } | { kind: 'container'; image: string };

/** A `--label` value that is not `NAME:docker://IMAGE` or `NAME:host`. */
export class LabelSyntaxError extends Error {
  constructor(value: string, why: string) {
    super(`--label ${value}: ${why}; expected NAME:docker://IMAGE or NAME:host`);
    this.name = 'LabelSyntaxError';
  }
}

/** Parses one label in forgejo-runner's syntax (`NAME:docker://IMAGE`, `NAME:host`). */
export function parseLabel(value: string): [string, JobPlacement] {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new LabelSyntaxError(value, 'no NAME: before the placement');
  const name = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (rest === 'host') return [name, { kind: 'host' }];
  if (rest.startsWith('docker://')) {
    const image = rest.slice('docker://'.length);
    if (image === '' || /\s/.test(image)) throw new LabelSyntaxError(value, 'no image after docker://');
    return [name, { kind: 'container', image }];
  }
  throw new LabelSyntaxError(value, `'${rest}' is neither host nor docker://IMAGE`);
}

/** Parses repeated `--label` values into a label map; a label given twice is an error. */
export function parseLabels(values: string[]): Record<string, JobPlacement> {
  const out: Record<string, JobPlacement> = {};
  for (const v of values) {
    const [name, placement] = parseLabel(v);
    if (name in out) throw new LabelSyntaxError(v, `label '${name}' is given twice`);
    out[name] = placement;
  }
  return out;
}

/** The labels of an evaluated `runs-on`: a string, a list, or a mapping with `labels`. */
export function runsOnLabels(value: JsonValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (value !== null && typeof value === 'object') {
    const labels = value['labels'];
    return labels === undefined ? [] : runsOnLabels(labels);
  }
  return value === null ? [] : [String(value)];
}

/**
 * Where a job with these `runs-on` labels runs: the first label found in `labels` decides; no
 * map means everything on the host; undefined when no label matches (no runner would take it).
 */
export function placeJob(
  jobLabels: string[],
  labels: Record<string, JobPlacement> | undefined,
): JobPlacement | undefined {
  if (!labels) return { kind: 'host' };
  for (const l of jobLabels) {
    const placement = labels[l];
    if (placement && Object.hasOwn(labels, l)) return placement;
  }
  return undefined;
}
