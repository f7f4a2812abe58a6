/** One service of the normalised model → ServiceSpec, every key either mapped, noted or refused. */
import type { ImageSet } from '../../inputs.js';
import type { ComposeService } from '../compose/model.js';
import { describe, type Path } from '../compose/document.js';
import type { RestartPolicy, ServiceNetworkSpec, ServiceSpec } from '../compose/types.js';
import { STACK_NAME_PATTERN } from '../names.js';
import { buildHealthcheck } from './health.js';
import { buildHostAccess } from './host-access.js';
import { serviceImage, type ImageContext } from './image.js';
import { SERVICE_KEY_RULES } from './keys.js';
import { lifecycleKeys } from './lifecycle.js';
import { buildMounts, buildTmpfs, type HostContext } from './mounts.js';
import { resourceKeys } from './resources.js';
import { buildExpose, buildPorts } from './ports.js';
import { stringList, type Problems } from './problems.js';
import { buildDependsOn } from './relations.js';
import { buildFileMounts, type DeclaredFiles } from './secrets.js';

/** What a service is built against. */
export interface ServiceContext extends ImageContext {
  images: ImageSet;
  mode: 'validation' | 'deploy';
  services: string[];
  volumes: string[];
  aliases: Map<string, string[]>;
  /** Each service's networks, when the stack has several. */
  networks?: Map<string, ServiceNetworkSpec[]>;
  problems: Problems;
  /** Host paths: the workspace, the allow-* inputs. */
  host: HostContext;
  /** Top-level secrets and configs, checked. */
  files: DeclaredFiles;
}

const RESTART = /^(no|always|unless-stopped|on-failure(:[1-9]\d*)?)$/;
const NO_NEW_PRIVILEGES = /^no-new-privileges([:=](true|false))?$/;

/** Says something for a refused key's value: `privileged: false`, `cap_add: []` say nothing. */
function saysSomething(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Applies the key table: notes for ignored keys, errors for refused and unknown ones. */
function checkKeys(name: string, service: ComposeService, problems: Problems): void {
  for (const [key, value] of Object.entries(service)) {
    if (key.startsWith('x-')) continue;
    const rule = SERVICE_KEY_RULES[key];
    const at: Path = ['services', name, key];
    if (rule === undefined) {
      problems.error(
        at,
        `${key} is not supported: digestline does not know how to run it, and does not drop keys silently; remove it (see docs/stack-format.md, "Compose keys")`,
      );
    } else if (rule.kind === 'refused' && saysSomething(value)) {
      problems.error(at, `refused: ${rule.why}`);
    } else if (rule.kind === 'ignored' && saysSomething(value) && !isEmptyMap(value)) {
      problems.warning(at, `ignored: ${rule.why}`);
    }
  }
}

function isEmptyMap(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

/** `network_mode`: sharing a network namespace with the host or another container (`pid`, `ipc`: host-access.ts). */
function checkNamespaces(name: string, service: ComposeService, problems: Problems): void {
  const at: Path = ['services', name];
  const mode = service.network_mode;
  if (mode !== undefined && mode !== 'default') {
    problems.error(
      [...at, 'network_mode'],
      mode === 'host'
        ? 'network_mode host is refused, whatever is allowed: the stack would share the runner’s network, publish on every interface and reach anything the runner reaches; publish ports instead'
        : `network_mode ${JSON.stringify(mode)} is not supported yet: every service joins the stack's own networks; remove it and reach the other service by its name`,
    );
  }
}

/** Fills the process keys: user, working_dir, init, read_only, cap_drop, security_opt, restart. */
function processKeys(spec: ServiceSpec, service: ComposeService, ctx: ServiceContext): void {
  const at: Path = ['services', spec.name];
  const { problems } = ctx;
  if (typeof service.user === 'string' && service.user !== '') spec.user = service.user;
  if (typeof service.working_dir === 'string' && service.working_dir !== '')
    spec.workingDir = service.working_dir;
  if (service.init === true) spec.init = true;
  if (service.read_only === true) spec.readOnly = true;
  if (service.cap_drop !== undefined) {
    const caps = stringList(service.cap_drop);
    if (caps === undefined)
      problems.error(
        [...at, 'cap_drop'],
        `must be a list of capabilities, got ${describe(service.cap_drop)}`,
      );
    else if (caps.length > 0) spec.capDrop = caps;
  }
  const opts = stringList(service.security_opt ?? []);
  if (opts === undefined) problems.error([...at, 'security_opt'], 'must be a list of options');
  opts?.forEach((opt, i) => {
    if (!NO_NEW_PRIVILEGES.test(opt)) {
      problems.error(
        [...at, 'security_opt', i],
        `${JSON.stringify(opt)} is refused: it would loosen the container's confinement; only no-new-privileges is allowed`,
      );
    } else if (!opt.endsWith('false')) spec.securityOpt = ['no-new-privileges'];
  });
  if (service.restart === undefined) return;
  if (typeof service.restart !== 'string' || !RESTART.test(service.restart)) {
    problems.error(
      [...at, 'restart'],
      `must be no, always, on-failure[:N] or unless-stopped, got ${describe(service.restart)}`,
    );
  } else if (ctx.mode === 'deploy') {
    spec.restart = service.restart as RestartPolicy;
  } else if (service.restart !== 'no') {
    problems.warning(
      [...at, 'restart'],
      'ignored during validation: a crash must fail the lane, not be restarted away (deploy-staging honours it)',
    );
  }
}

/** Builds service `name`; undefined when it has an error (already reported). */
export function buildService(
  name: string,
  service: ComposeService,
  ctx: ServiceContext,
): ServiceSpec | undefined {
  const { problems } = ctx;
  const at: Path = ['services', name];
  const errorsBefore = problems.list.filter((p) => p.severity === 'error').length;
  if (!STACK_NAME_PATTERN.test(name)) {
    problems.error(
      at,
      `service names must match ${STACK_NAME_PATTERN.source}: they name containers and DNS entries`,
    );
  }
  checkKeys(name, service, problems);
  const hostAccess = buildHostAccess(name, service, ctx.host.allow.privileged === true, problems);
  checkNamespaces(name, service, problems);
  const image = serviceImage(name, service, ctx);
  const mounts = buildMounts([...at, 'volumes'], service.volumes, ctx.volumes, problems, ctx.host);
  for (const kind of ['secrets', 'configs'] as const) {
    mounts.volumes.push(...buildFileMounts([...at, kind], kind, service[kind], ctx.files, problems));
  }
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    if (value !== null && value !== undefined) environment[key] = String(value);
  }
  const spec: ServiceSpec = {
    name,
    image: image as ServiceSpec['image'],
    environment,
    ports: buildPorts([...at, 'ports'], service.ports, problems),
    expose: buildExpose([...at, 'expose'], service.expose, problems),
    healthcheckDisabled: false,
    dependsOn: buildDependsOn(name, service.depends_on, ctx.services, problems),
    volumes: mounts.volumes,
    aliases: ctx.aliases.get(name) ?? [],
  };
  const networks = ctx.networks?.get(name);
  if (networks !== undefined) spec.networks = networks;
  const command = stringList(service.command);
  if (command !== undefined) spec.command = command;
  const entrypoint = stringList(service.entrypoint);
  if (entrypoint !== undefined) spec.entrypoint = entrypoint;
  const hc = buildHealthcheck([...at, 'healthcheck'], service.healthcheck, problems);
  if (hc === 'disabled') spec.healthcheckDisabled = true;
  else if (hc !== undefined) spec.healthcheck = hc;
  const tmpfs = [...buildTmpfs([...at, 'tmpfs'], service.tmpfs, problems), ...mounts.tmpfs];
  if (tmpfs.length > 0) spec.tmpfs = tmpfs;
  processKeys(spec, service, ctx);
  lifecycleKeys(spec, service, problems);
  resourceKeys(spec, service, problems);
  if (hostAccess !== undefined) spec.hostAccess = hostAccess;
  const errorsAfter = problems.list.filter((p) => p.severity === 'error').length;
  return image === undefined || errorsAfter > errorsBefore ? undefined : spec;
}
