/** A service's `env_file` files and `environment` folded into one map, `environment` winning. */
import { isRecord, resolveHostPath, scalarString, toBool, type NormaliseContext } from './context.js';
import { parseDotenv } from './dotenv.js';
import type { Key } from './tree.js';

/** The merged environment, or undefined when the service has neither key. */
export function serviceEnvironment(
  ctx: NormaliseContext,
  at: Key[],
  raw: Record<string, unknown>,
): Record<string, string | null> | undefined {
  if (raw.env_file === undefined && raw.environment === undefined) return undefined;
  const out: Record<string, string | null> = {};
  envFiles(raw.env_file).forEach(({ path, required }, i) => {
    const file = resolveHostPath(ctx, ctx.dir, path);
    const text = ctx.readFile(file);
    const where = [...at, 'env_file', ...(Array.isArray(raw.env_file) ? [i] : [])];
    if (text === undefined) {
      if (required) ctx.report('error', where, `env_file ${path} does not exist (looked for ${file})`);
      return;
    }
    const parsed = parseDotenv(text, ctx.lookup, (name, line) =>
      ctx.report('warning', where, `variable ${name} is not set: it is replaced by an empty string`, {
        file,
        line,
      }),
    );
    if (parsed.error) {
      ctx.report('error', where, `env_file ${path}: ${parsed.error.message}`, {
        file,
        line: parsed.error.line,
      });
    }
    for (const [k, v] of parsed.vars) out[k] = v;
  });
  for (const [key, value] of environmentEntries(raw.environment)) {
    if (value !== undefined) {
      out[key] = value;
      continue;
    }
    // A bare key (or a null value) comes from the environment; unset there, Compose prints null.
    out[key] = ctx.lookup(key) ?? null;
  }
  return out;
}

function envFiles(value: unknown): Array<{ path: string; required: boolean }> {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((entry: unknown) => {
    if (isRecord(entry)) {
      const path = scalarString(entry.path);
      return path === undefined ? [] : [{ path, required: toBool(entry.required) ?? true }];
    }
    const path = scalarString(entry);
    return path === undefined ? [] : [{ path, required: true }];
  });
}

/** `[key, value]` pairs; value undefined for a bare key (list) or a null value (map). */
function environmentEntries(value: unknown): Array<[string, string | undefined]> {
  if (Array.isArray(value)) {
    return value.map((entry: unknown) => {
      const text = scalarString(entry) ?? '';
      const eq = text.indexOf('=');
      return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
    });
  }
  if (isRecord(value)) {
    return Object.entries(value).map(([k, v]) => [
      k,
      v === null ? undefined : (scalarString(v) ?? JSON.stringify(v)),
    ]);
  }
  return [];
}
