/**
 * Top-level networks, volumes, secrets and configs as Compose prints them: only those a service uses,
 * each with its engine name (`<project>_<key>` unless named or external), file paths absolute.
 */
import type { ComposeModel } from '../compose/model.js';
import { isRecord, resolveHostPath, toBool, type NormaliseContext } from './context.js';

type Resources = Pick<ComposeModel, 'networks' | 'volumes' | 'secrets' | 'configs'>;

/** The resources of `model` taken from the file's top level (`root`); undefined keys are left out. */
export function projectResources(
  ctx: NormaliseContext,
  root: Record<string, unknown>,
  model: ComposeModel,
): Resources {
  const used = {
    networks: new Set<string>(),
    volumes: new Set<string>(),
    secrets: new Set<string>(),
    configs: new Set<string>(),
  };
  for (const service of Object.values(model.services)) {
    for (const name of Object.keys(service.networks ?? {})) used.networks.add(name);
    for (const mount of service.volumes ?? [])
      if (mount.type === 'volume' && mount.source) used.volumes.add(mount.source);
    for (const ref of service.secrets ?? []) used.secrets.add(ref.source);
    for (const ref of service.configs ?? []) used.configs.add(ref.source);
  }
  const out: Resources = {};
  const project = model.name ?? '';
  for (const kind of ['networks', 'volumes', 'secrets', 'configs'] as const) {
    const declared = isRecord(root[kind]) ? root[kind] : {};
    const entries: Record<string, Record<string, unknown>> = {};
    for (const name of used[kind]) {
      const given = declared[name];
      if (given === undefined && !(kind === 'networks' && name === 'default')) {
        if (kind !== 'volumes' || !name.includes('/')) {
          ctx.report(
            'error',
            ['services'],
            `a service uses ${kind.slice(0, -1)} "${name}", which the top-level ${kind} does not declare`,
          );
        }
        continue;
      }
      entries[name] = resource(ctx, kind, name, isRecord(given) ? given : {}, project);
    }
    if (Object.keys(entries).length > 0) (out as Record<string, unknown>)[kind] = entries;
  }
  return out;
}

function resource(
  ctx: NormaliseContext,
  kind: 'networks' | 'volumes' | 'secrets' | 'configs',
  key: string,
  given: Record<string, unknown>,
  project: string,
): Record<string, unknown> {
  const external = toBool(given.external);
  const out: Record<string, unknown> = { name: external ? key : `${project}_${key}` };
  for (const [k, v] of Object.entries(given)) if (!k.startsWith('x-')) out[k] = v;
  if (external !== undefined) out.external = external;
  if (external === false) delete out.external;
  if (kind === 'networks') {
    out.ipam = isRecord(given.ipam) ? given.ipam : {};
    if (given.internal !== undefined) out.internal = toBool(given.internal);
  }
  if ((kind === 'secrets' || kind === 'configs') && typeof given.file === 'string') {
    out.file = resolveHostPath(ctx, ctx.dir, given.file);
  }
  return out;
}
