/**
 * Secrets out of diagnostics bundles: env values of secret-looking names (from the engine's inspect
 * JSON) and values the caller names are replaced by `***` in every file written.
 */
import { redact } from '../exec.js';

/** Env names whose values are replaced by `***` in bundles. */
export const SECRET_ENV_NAME = /PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL|PRIVATE/i;

/** Secret env values shorter than this are redacted only as `NAME=value`, not wherever they occur. */
const MIN_REDACTED_LENGTH = 4;

/** Env entries with secret-looking names (and a value) in raw inspect JSON (`Config.Env`). */
export function secretEnvEntries(inspectJson: string): Array<{ name: string; value: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(inspectJson);
  } catch {
    return [];
  }
  const entries: Array<{ name: string; value: string }> = [];
  for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
    const env = (item as { Config?: { Env?: unknown } } | null)?.Config?.Env;
    if (!Array.isArray(env)) continue;
    for (const entry of env) {
      if (typeof entry !== 'string') continue;
      const eq = entry.indexOf('=');
      const name = entry.slice(0, eq);
      if (eq > 0 && SECRET_ENV_NAME.test(name) && entry.length > eq + 1)
        entries.push({ name, value: entry.slice(eq + 1) });
    }
  }
  return entries;
}

/**
 * A redactor for bundle files: replaces `NAME=value` of every secret env entry everywhere (Env,
 * podman's CreateCommand), then the bare values, unless so short that replacing them would garble
 * every file (a 1-character "secret" protects nothing anyway), and every string in `secrets`.
 * Entries added to `secretEnv` later apply to later calls.
 */
export function bundleRedactor(
  secretEnv: ReadonlyArray<{ name: string; value: string }>,
  secrets: readonly string[],
): (text: string) => string {
  return (text) => {
    let out = text;
    for (const { name, value } of secretEnv) out = out.split(`${name}=${value}`).join(`${name}=***`);
    return redact(out, [
      ...secrets,
      ...secretEnv.map((e) => e.value).filter((v) => v.length >= MIN_REDACTED_LENGTH),
    ]);
  };
}
