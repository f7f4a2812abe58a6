import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '@digestline/core/errors';
import {
  getBoolean,
  getDuration,
  getEnum,
  getImageSet,
  getString,
  type ImageSet,
} from '@digestline/core/inputs';
import { ENGINE_CHOICES, type EngineChoice } from '@digestline/core/engine/choices';
import { runContext } from '@digestline/core/evidence/run-context';
import { parseHealthChecks, type HealthCheck } from '@digestline/core/deploy/health';
import { maskSecret } from '@digestline/core/step';
import type { HostAccess } from '@digestline/core/stack/build/build';
import { STACK_NAME_PATTERN } from '@digestline/core/stack/names';
import { Inputs, MODES, type Mode } from './constants.js';
import { getPemKey, keysOrUnsigned } from '@digestline/core/keys';

export interface Inputs {
  mode: Mode;
  environment: string;
  /** deploy: required. */
  stack?: string;
  /** deploy: required. */
  images: ImageSet;
  to?: string;
  /** Empty in rollback mode means: the checks the target was verified with. */
  healthChecks: HealthCheck[];
  soakMs: number;
  autoRollback: boolean;
  /** deploy: refuse a service's own tag instead of resolving it at start. */
  requireDigests: boolean;
  /** deploy: the allow-* inputs, what the stack may do to the host. */
  allow: HostAccess;
  stateDir: string;
  eventsWebhook?: string;
  metricsFile?: string;
  engine: EngineChoice;
  /** PEM ECDSA P-256 public key of promote-digest: promotion records must be signed with it (deploy). */
  promotionKey?: string;
  /** Accept unsigned promotion records (deploy); excludes `promotionKey`. */
  allowUnsigned: boolean;
  commit?: string;
  runUrl: string;
}

/** `$DIGESTLINE_STATE_DIR/<env>`, else `$XDG_STATE_HOME/digestline/<env>` (default ~/.local/state). */
export function defaultStateDir(environment: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DIGESTLINE_STATE_DIR) return join(env.DIGESTLINE_STATE_DIR, environment);
  const base = env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'digestline', environment);
}

function runInfo(env: NodeJS.ProcessEnv): { commit?: string; runUrl: string } {
  const sha = env.GITHUB_SHA ?? '';
  const valid = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha);
  // runContext derives the run URL (Forgejo's run numbers included) and insists on a commit; without
  // one the URL is still wanted, so it gets a stand-in that is not used further.
  const ctx = runContext(valid ? {} : { commit: '0'.repeat(40) }, env);
  return valid ? { commit: sha, runUrl: ctx.runUrl ?? 'unknown' } : { runUrl: ctx.runUrl ?? 'unknown' };
}

/** Reads and validates every input before any work is done. */
export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  const mode = getEnum(Inputs.Mode, MODES, 'deploy');
  const environment = getString(Inputs.Environment, { default: 'staging' });
  if (!STACK_NAME_PATTERN.test(environment)) {
    throw new InputError(
      Inputs.Environment,
      `input "${Inputs.Environment}" must be lowercase letters, digits, "_" and "-" (it names containers and volumes); got ${JSON.stringify(environment)}`,
    );
  }
  const inputs: Inputs = {
    mode,
    environment,
    images: getImageSet(Inputs.Images, { required: mode === 'deploy' }),
    healthChecks: parseHealthChecks(getString(Inputs.HealthChecks), Inputs.HealthChecks),
    soakMs: getDuration(Inputs.Soak, 30_000),
    autoRollback: getBoolean(Inputs.AutoRollback, true),
    requireDigests: getBoolean(Inputs.RequireDigests, false),
    allow: {
      hostPaths: getBoolean(Inputs.AllowHostPaths, false),
      privileged: getBoolean(Inputs.AllowPrivileged, false),
      writableBinds: getBoolean(Inputs.WritableBindMounts, false),
    },
    allowUnsigned: false,
    stateDir: resolve(getString(Inputs.StateDir) || defaultStateDir(environment, env)),
    engine: getEnum(Inputs.Engine, ENGINE_CHOICES, 'auto'),
    ...runInfo(env),
  };
  const stack = getString(Inputs.Stack, { required: mode === 'deploy' });
  if (stack !== '') inputs.stack = isAbsolute(stack) ? stack : resolve(stack);
  if (mode !== 'deploy' && inputs.images.length > 0) {
    throw new InputError(
      Inputs.Images,
      `input "${Inputs.Images}" is only used with mode deploy; a ${mode} takes its digests from the ledger`,
    );
  }
  const to = getString(Inputs.To);
  if (to !== '') {
    if (mode !== 'rollback')
      throw new InputError(Inputs.To, `input "${Inputs.To}" is only used with mode rollback`);
    inputs.to = to;
  }
  const webhook = getString(Inputs.EventsWebhook);
  if (webhook !== '') {
    maskSecret(webhook);
    let url: URL | undefined;
    try {
      url = new URL(webhook);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new InputError(
        Inputs.EventsWebhook,
        `input "${Inputs.EventsWebhook}" must be an http or https URL`,
      );
    }
    inputs.eventsWebhook = webhook;
  }
  const metrics = getString(Inputs.MetricsFile);
  if (metrics !== '') inputs.metricsFile = resolve(metrics);
  // Checked in every mode (a bad key is a bad setting whatever the mode), required and used by deploy
  // only: rollbacks redeploy what the ledger says was admitted, and status reads nothing.
  const key = await getPemKey(Inputs.PromotionPublicKey, 'public');
  inputs.allowUnsigned = getBoolean(Inputs.AllowUnsigned, false);
  if (mode === 'deploy') {
    keysOrUnsigned(
      Inputs.PromotionPublicKey,
      key !== undefined ? [key] : [],
      Inputs.AllowUnsigned,
      inputs.allowUnsigned,
    );
  }
  if (key !== undefined) inputs.promotionKey = key;
  return inputs;
}
