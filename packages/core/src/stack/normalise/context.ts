/** What every step of the normaliser shares: the project, its environment, its problems. */
import path from 'node:path';
import type { StackProblem } from '../compose/model.js';
import type { Lookup } from './interpolate.js';
import type { Key, Locations, Loc } from './tree.js';

/** The state of one normalisation. */
export interface NormaliseContext {
  /** The project directory: the main file's directory. */
  dir: string;
  /** The home directory `~` stands for. */
  home: string;
  /** The project's environment: the job's, then `.env`. */
  lookup: Lookup;
  readFile(path: string): string | undefined;
  locs: Locations;
  /** Reports a problem at `at` (a path of the source tree) */
  report(severity: StackProblem['severity'], at: ReadonlyArray<Key>, message: string, loc?: Loc): void;
}

/** A host path as Compose resolves it: `~` is home, relative is against `dir`. */
export function resolveHostPath(ctx: Pick<NormaliseContext, 'home'>, dir: string, p: string): string {
  if (p === '~' || p.startsWith('~/')) return path.join(ctx.home, p.slice(1));
  return path.resolve(dir, p);
}

/** Whether `value` is a YAML map as plain data. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `services.backend.ports[0]`. */
export function formatPath(at: ReadonlyArray<Key>): string {
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A scalar as Compose stringifies it (numbers and booleans as written); undefined for maps and lists. */
export function scalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A boolean as Compose reads it after interpolation (`"true"`, `"yes"`, `"off"`…). */
export function toBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  if (['true', 'yes', 'y', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'n', 'off', '0'].includes(v)) return false;
  return undefined;
}

/** An integer given as a number or as text (after interpolation). */
export function toInt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^[-+]?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}
