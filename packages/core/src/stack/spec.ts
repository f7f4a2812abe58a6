/**
 * Stack files: the documented subset of the Compose file format that digestline runs itself
 * (docs/stack-format.md). Parsing is pure and strict: anything outside the subset is an error that
 * names the key, its path and the file, because a key silently ignored (a `build:`, a bind mount,
 * a `0.0.0.0` port) would make the validated stack differ from what its author reads.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { ImageReferenceError } from '../errors.js';
import type { ImageSet } from '../inputs.js';
import { formatReference, parseReference, type ImageReference } from '../reference.js';
import { STACK_NAME_PATTERN } from './names.js';

/** A stack file does not parse or uses something outside the supported subset. */
export class StackFileError extends Error {
  override readonly name = 'StackFileError';

  /**
   * @param source the file (or other origin) the text came from, as given to `parseStack`
   * @param path dotted path of the offending key, e.g. `services.backend.build` (`''` for the file)
   * @param reason what is wrong and, where possible, what to write instead
   * @param line 1-based line in the file, when known
   */
  constructor(
    readonly source: string,
    readonly path: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${source}${line !== undefined ? `:${line}` : ''}: ${path === '' ? '' : `${path}: `}${reason}`);
  }
}

/** When a service may start relative to one it depends on (Compose's `depends_on.<name>.condition`). */
export type DependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

/** One `depends_on` entry. */
export interface DependencySpec {
  service: string;
  condition: DependencyCondition;
}

/** A published port; the host side is always a loopback address. */
export interface PortSpec {
  /** `127.0.0.1` unless the file names another loopback address (`127.0.0.2`, `::1`). */
  host: string;
  /** Omitted: the engine picks a free port. */
  hostPort?: number;
  containerPort: number;
}

/** A named volume mounted into a service. */
export interface VolumeMountSpec {
  /** The volume's name as declared under top-level `volumes` (not yet prefixed with the project). */
  volume: string;
  target: string;
  readonly: boolean;
}

/** A health check with Compose's defaults filled in (interval 30 s, timeout 30 s, retries 3, start period 0). */
export interface HealthcheckSpec {
  /** `['CMD', prog, ...args]` or `['CMD-SHELL', script]`. */
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

/** One service of a stack, validated and with its image resolved to a digest reference. */
export interface ServiceSpec {
  name: string;
  /** Fully qualified digest reference (`registry/repo@sha256:...`). */
  image: string;
  /** The placeholder the image came from (`BACKEND_IMAGE`), when it came from one. */
  imagePlaceholder?: string;
  environment: Record<string, string>;
  /** Replaces the image's CMD. */
  command?: string[];
  ports: PortSpec[];
  /** Container ports from `expose` (not published). */
  expose: number[];
  /** From the file; `undefined` means the image's own HEALTHCHECK (if any) applies. */
  healthcheck?: HealthcheckSpec;
  /** `healthcheck: {test: [NONE]}` or `disable: true`: the image's HEALTHCHECK is switched off. */
  healthcheckDisabled: boolean;
  dependsOn: DependencySpec[];
  volumes: VolumeMountSpec[];
  /** Extra network aliases; the service name is always one too. */
  aliases: string[];
}

/** A parsed stack file. */
export interface StackSpec {
  /** Where the text came from (for messages). */
  source: string;
  /** Top-level `name`, when given. */
  name?: string;
  /** In file order. */
  services: ServiceSpec[];
  /** Declared named volumes, in file order. */
  volumes: string[];
}

export { STACK_NAME_PATTERN } from './names.js';

const TOP_LEVEL_KEYS = ['name', 'version', 'services', 'volumes', 'networks'];
const SERVICE_KEYS = [
  'image',
  'environment',
  'command',
  'ports',
  'expose',
  'healthcheck',
  'depends_on',
  'volumes',
  'networks',
];
const HEALTHCHECK_KEYS = ['test', 'interval', 'timeout', 'retries', 'start_period', 'disable'];
const CONDITIONS: readonly DependencyCondition[] = [
  'service_started',
  'service_healthy',
  'service_completed_successfully',
];

/** Why some common Compose keys are refused, so the error can say what to do instead. */
const REFUSED_BECAUSE: Record<string, string> = {
  build:
    'stacks run images that were built and pushed before validation; build the image with build-image and pass it in the image set',
  container_name: 'containers are always named <project>-<service> so that parallel runs do not clash',
  network_mode: 'every service joins the stack’s own network',
  privileged: 'privileged containers are not supported',
  env_file: 'env files are resolved on the host; write the variables under environment',
  restart: 'a validation stack must not restart crashed services: a crash is a failure',
  extends: 'write the service out in full',
  profiles: 'every service in the file is started',
};

const LOOPBACK_V4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

type Path = Array<string | number>;

/** Parses the text of a stack file. Keeps the document around to point errors at lines. */
class Parser {
  private readonly lineCounter = new LineCounter();
  private readonly doc: Document.Parsed;

  constructor(
    text: string,
    private readonly source: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, merge: true, prettyErrors: false });
    const [first] = this.doc.errors;
    if (first !== undefined) {
      const line = this.lineCounter.linePos(first.pos[0]).line;
      throw new StackFileError(source, '', `not valid YAML: ${first.message.split('\n')[0]}`, line);
    }
  }

  /** The document as plain data (anchors and merge keys resolved). */
  data(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
  }

  fail(path: Path, reason: string, onKey = false): never {
    throw new StackFileError(this.source, formatPath(path), reason, this.lineOf(path, onKey));
  }

  /** Line of the value at `path` (or of its key, for errors about the key itself). */
  private lineOf(path: Path, onKey: boolean): number | undefined {
    if (path.length === 0) return undefined;
    const parent: unknown = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    let node: unknown;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === last);
      node = pair === undefined ? undefined : onKey ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(parent) && typeof last === 'number') {
      node = parent.items[last];
    }
    const range = (node as YamlNode | undefined)?.range;
    return range ? this.lineCounter.linePos(range[0]).line : undefined;
  }
}

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The placeholder an image set entry fills: `backend` → `BACKEND_IMAGE`, `web-ui` → `WEB_UI_IMAGE`. */
export function placeholderFor(imageSetName: string): string {
  return `${imageSetName.toUpperCase().replace(/-/g, '_')}_IMAGE`;
}

/**
 * Splits a command string the way Compose does (shell-like words): whitespace separates words,
 * single quotes keep text literally, double quotes keep spaces and honour `\"` and `\\`, a
 * backslash outside quotes escapes the next character. No variables, globs or operators.
 * @returns the words, or an error reason
 */
export function splitCommand(text: string): string[] | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { error: `unterminated single quote at character ${i + 1}` };
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) j++;
        word += text[j];
      }
      if (j >= text.length) return { error: `unterminated double quote at character ${i + 1}` };
      inWord = true;
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= text.length) return { error: 'trailing backslash' };
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * Parses a Compose duration (`30s`, `1m30s`, `500ms`, `1.5s`, `1h`) into milliseconds.
 * @returns `undefined` when `text` is not one
 */
export function parseComposeDuration(text: string): number | undefined {
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 } as const;
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us))+$/.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
    total += Number(match[1]) * unit[match[2] as keyof typeof unit];
  }
  return Math.round(total);
}

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

  const byPlaceholder = new Map<string, { name: string; ref: ImageReference }>();
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

/**
 * The services in an order that starts every service after those it depends on: a stable
 * topological sort (file order among services whose dependencies are met).
 * @throws StackFileError naming the services of a dependency cycle
 */
export function startOrder(spec: StackSpec): ServiceSpec[] {
  const byName = new Map(spec.services.map((s) => [s.name, s]));
  const done = new Set<string>();
  const order: ServiceSpec[] = [];
  while (order.length < spec.services.length) {
    const next = spec.services.find(
      (s) => !done.has(s.name) && s.dependsOn.every((d) => done.has(d.service) || !byName.has(d.service)),
    );
    if (next === undefined) {
      const cycle = findCycle(spec.services.filter((s) => !done.has(s.name)));
      throw new StackFileError(
        spec.source,
        'services',
        `depends_on has a cycle: ${cycle.join(' -> ')}; no service in it could ever start`,
      );
    }
    done.add(next.name);
    order.push(next);
  }
  return order;
}

/** One cycle among `remaining` (every one of which has an unmet dependency), as a closed path. */
function findCycle(remaining: ServiceSpec[]): string[] {
  const byName = new Map(remaining.map((s) => [s.name, s]));
  const path: string[] = [];
  let current: ServiceSpec | undefined = remaining[0];
  while (current !== undefined && !path.includes(current.name)) {
    path.push(current.name);
    current = current.dependsOn.map((d) => byName.get(d.service)).find((s) => s !== undefined);
  }
  return current === undefined ? path : [...path.slice(path.indexOf(current.name)), current.name];
}

/** Top-level `volumes` / `networks`: names with no options. */
function parseDeclarations(p: Parser, root: Record<string, unknown>, key: 'volumes' | 'networks'): string[] {
  const value = root[key];
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) p.fail([key], `must be a map of names, got ${describe(value)}`);
  const why =
    key === 'networks'
      ? 'the stack always runs on one fresh network of its own (dl-<project>-net); declare networks without options'
      : 'volumes are created by the stack as <prefix>_<name>; declare them without options';
  for (const [name, options] of Object.entries(value)) {
    if (!STACK_NAME_PATTERN.test(name))
      p.fail([key, name], `name must match ${STACK_NAME_PATTERN.source}`, true);
    if (options === null || (isRecord(options) && Object.keys(options).length === 0)) continue;
    const first = isRecord(options) ? Object.keys(options)[0] : undefined;
    if (first !== undefined) p.fail([key, name, first], `unsupported option: ${why}`, true);
    p.fail([key, name], `must be empty or {}, got ${describe(options)}: ${why}`);
  }
  return Object.keys(value);
}

function parseService(
  p: Parser,
  name: string,
  value: unknown,
  byPlaceholder: Map<string, { name: string; ref: ImageReference }>,
  volumes: string[],
  networks: string[],
): ServiceSpec {
  const at: Path = ['services', name];
  if (!STACK_NAME_PATTERN.test(name)) {
    p.fail(at, `service names must match ${STACK_NAME_PATTERN.source} (they become DNS names)`, true);
  }
  if (!isRecord(value)) p.fail(at, `must be a map, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (key.startsWith('x-')) continue;
    if (!SERVICE_KEYS.includes(key)) {
      const why = REFUSED_BECAUSE[key] ?? `a service may have ${SERVICE_KEYS.join(', ')}`;
      p.fail([...at, key], `unsupported key: ${why}`, true);
    }
  }

  const service: ServiceSpec = {
    name,
    ...parseImage(p, [...at, 'image'], value.image, byPlaceholder),
    environment: parseEnvironment(p, [...at, 'environment'], value.environment),
    ports: parsePorts(p, [...at, 'ports'], value.ports),
    expose: parseExpose(p, [...at, 'expose'], value.expose),
    healthcheckDisabled: false,
    dependsOn: parseDependsOn(p, [...at, 'depends_on'], value.depends_on),
    volumes: parseVolumeMounts(p, [...at, 'volumes'], value.volumes, volumes),
    aliases: parseServiceNetworks(p, [...at, 'networks'], value.networks, networks),
  };
  if (value.command !== undefined) service.command = parseCommand(p, [...at, 'command'], value.command);
  if (value.healthcheck !== undefined) {
    const hc = parseHealthcheck(p, [...at, 'healthcheck'], value.healthcheck);
    if (hc === 'disabled') service.healthcheckDisabled = true;
    else service.healthcheck = hc;
  }
  return service;
}

function parseImage(
  p: Parser,
  at: Path,
  value: unknown,
  byPlaceholder: Map<string, { name: string; ref: ImageReference }>,
): { image: string; imagePlaceholder?: string } {
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
    return { image: formatReference(entry.ref), imagePlaceholder: placeholder };
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
  return { image: formatReference(ref) };
}

/** Compose's `$$` escape; any other `$` would be interpolated by Compose, which stacks do not do. */
function literal(p: Parser, at: Path, text: string): string {
  const stray = /\$(?!\$)(\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.replace(/\$\$/g, ''));
  if (stray) {
    p.fail(
      at,
      `${JSON.stringify(stray[0])} would be substituted from the environment by Compose; stacks do not interpolate variables outside image: write the value, or $$ for a literal $`,
    );
  }
  return text.replace(/\$\$/g, '$');
}

function scalarText(p: Parser, at: Path, value: unknown, what: string): string {
  if (typeof value === 'string') return literal(p, at, value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return p.fail(at, `${what} must be a string, number or boolean, got ${describe(value)}`);
}

function parseEnvironment(p: Parser, at: Path, value: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  const noPassThrough = (key: string, where: Path): never =>
    p.fail(
      where,
      `${key} has no value; Compose would copy it from the runner's environment, which a stack does not: write ${key}=<value>`,
    );
  if (value === undefined || value === null) return env;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item !== 'string')
        p.fail([...at, i], `entries must be KEY=value strings, got ${describe(item)}`);
      const eq = item.indexOf('=');
      if (eq < 0) noPassThrough(item, [...at, i]);
      const key = item.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
        p.fail([...at, i], `${JSON.stringify(key)} is not a variable name`);
      env[key] = literal(p, [...at, i], item.slice(eq + 1));
    });
    return env;
  }
  if (!isRecord(value)) p.fail(at, `must be a map or a list of KEY=value, got ${describe(value)}`);
  for (const [key, v] of Object.entries(value)) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
      p.fail([...at, key], `${JSON.stringify(key)} is not a variable name`, true);
    if (v === null || v === undefined) noPassThrough(key, [...at, key]);
    env[key] = scalarText(p, [...at, key], v, 'a value');
  }
  return env;
}

function parseCommand(p: Parser, at: Path, value: unknown): string[] {
  if (typeof value === 'string') {
    const words = splitCommand(value);
    if (!Array.isArray(words)) p.fail(at, `cannot split into words: ${words.error}; prefer a list`);
    if (words.length === 0) p.fail(at, 'is empty');
    return words.map((w) => literal(p, at, w));
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => scalarText(p, [...at, i], item, 'every argument'));
  }
  return p.fail(at, `must be a list of arguments (preferred) or a string, got ${describe(value)}`);
}

function parsePortNumber(p: Parser, at: Path, text: string, what: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 65535)) p.fail(at, `${what} ${JSON.stringify(text)} is not a port number (1-65535)`);
  return n;
}

/** `8080`, `8080/tcp`; udp is refused (probes and URLs are tcp). */
function containerPortOf(p: Parser, at: Path, text: string): number {
  const [port = '', proto] = text.split('/');
  if (proto !== undefined && proto !== 'tcp')
    p.fail(at, `only tcp ports are supported, got ${JSON.stringify(text)}`);
  if (port.includes('-')) p.fail(at, `port ranges are not supported, got ${JSON.stringify(text)}`);
  return parsePortNumber(p, at, port, 'container port');
}

function isLoopback(host: string): boolean {
  if (host === '::1' || host === 'localhost') return true;
  const m = LOOPBACK_V4.exec(host);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}

function parsePorts(p: Parser, at: Path, value: unknown): PortSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) p.fail(at, `must be a list, got ${describe(value)}`);
  return value.map((item, i): PortSpec => {
    const where = [...at, i];
    if (typeof item === 'number') item = String(item);
    if (typeof item !== 'string') {
      p.fail(
        where,
        `use the short form "[127.0.0.1:]hostPort:containerPort" or "containerPort", got ${describe(item)}`,
      );
    }
    // An IPv6 host is bracketed: [::1]:8080:80.
    const v6 = /^\[([^\]]+)\]:(.*)$/.exec(item);
    const parts = v6 ? [v6[1] as string, ...(v6[2] as string).split(':')] : item.split(':');
    let host = '127.0.0.1';
    let hostPort: string | undefined;
    let containerPort: string;
    if (parts.length === 1) [containerPort] = parts as [string];
    else if (parts.length === 2) [hostPort, containerPort] = parts as [string, string];
    else if (parts.length === 3) [host, hostPort, containerPort] = parts as [string, string, string];
    else
      return p.fail(
        where,
        `cannot read ${JSON.stringify(item)}; write "127.0.0.1:8080:8080", "8080:8080" or "8080"`,
      );
    if (!isLoopback(host)) {
      p.fail(
        where,
        `publishes on ${JSON.stringify(host)}: validation stacks publish to loopback only (omit the address for 127.0.0.1, or give 127.x.x.x / [::1])`,
      );
    }
    const port: PortSpec = {
      host: host === 'localhost' ? '127.0.0.1' : host,
      containerPort: containerPortOf(p, where, containerPort),
    };
    if (hostPort !== undefined && hostPort !== '')
      port.hostPort = parsePortNumber(p, where, hostPort, 'host port');
    return port;
  });
}

function parseExpose(p: Parser, at: Path, value: unknown): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) p.fail(at, `must be a list of ports, got ${describe(value)}`);
  return value.map((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number')
      p.fail([...at, i], `must be a port, got ${describe(item)}`);
    return containerPortOf(p, [...at, i], String(item));
  });
}

function parseDuration(p: Parser, at: Path, value: unknown): number {
  const ms = typeof value === 'string' ? parseComposeDuration(value) : undefined;
  if (ms === undefined) p.fail(at, `must be a duration like 500ms, 10s or 1m30s, got ${describe(value)}`);
  return ms;
}

function parseHealthcheck(p: Parser, at: Path, value: unknown): HealthcheckSpec | 'disabled' {
  if (!isRecord(value)) p.fail(at, `must be a map, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!HEALTHCHECK_KEYS.includes(key))
      p.fail([...at, key], `unsupported key; a healthcheck may have ${HEALTHCHECK_KEYS.join(', ')}`, true);
  }
  if (value.disable !== undefined) {
    if (typeof value.disable !== 'boolean')
      p.fail([...at, 'disable'], `must be true or false, got ${describe(value.disable)}`);
    if (value.disable) return 'disabled';
  }
  const testAt = [...at, 'test'];
  let test: string[];
  if (typeof value.test === 'string') {
    test = ['CMD-SHELL', literal(p, testAt, value.test)];
  } else if (Array.isArray(value.test) && value.test.length > 0) {
    test = value.test.map((item, i) => scalarText(p, [...testAt, i], item, 'every element'));
    const [kind] = test;
    if (kind === 'NONE') {
      if (test.length !== 1) p.fail(testAt, '[NONE] takes no arguments');
      return 'disabled';
    }
    if (kind === 'CMD-SHELL' && test.length !== 2)
      p.fail(testAt, `[CMD-SHELL, script] takes exactly one script, got ${test.length - 1} elements`);
    if (kind === 'CMD' && test.length < 2) p.fail(testAt, '[CMD, program, args...] needs a program');
    if (kind !== 'CMD' && kind !== 'CMD-SHELL') {
      p.fail(testAt, `must start with CMD, CMD-SHELL or NONE, got ${JSON.stringify(kind)}`);
    }
  } else {
    return p.fail(
      testAt,
      `required: [CMD, program, args...], [CMD-SHELL, script], a script string or [NONE]; got ${describe(value.test)}`,
    );
  }
  let retries = 3;
  if (value.retries !== undefined) {
    if (typeof value.retries !== 'number' || !Number.isInteger(value.retries) || value.retries < 1) {
      p.fail([...at, 'retries'], `must be a whole number >= 1, got ${describe(value.retries)}`);
    }
    retries = value.retries;
  }
  const duration = (key: string, fallback: number): number =>
    value[key] === undefined ? fallback : parseDuration(p, [...at, key], value[key]);
  return {
    test,
    intervalMs: duration('interval', 30_000),
    timeoutMs: duration('timeout', 30_000),
    retries,
    startPeriodMs: duration('start_period', 0),
  };
}

function parseDependsOn(p: Parser, at: Path, value: unknown): DependencySpec[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (typeof item !== 'string') p.fail([...at, i], `must be a service name, got ${describe(item)}`);
      return { service: item, condition: 'service_started' };
    });
  }
  if (!isRecord(value))
    p.fail(at, `must be a list of services or a map of service: {condition}, got ${describe(value)}`);
  return Object.entries(value).map(([service, options]) => {
    if (options === null) return { service, condition: 'service_started' };
    if (!isRecord(options))
      p.fail([...at, service], `must be a map with condition, got ${describe(options)}`);
    for (const key of Object.keys(options)) {
      if (key !== 'condition')
        p.fail([...at, service, key], 'unsupported key; only condition is supported', true);
    }
    const condition = options.condition ?? 'service_started';
    if (typeof condition !== 'string' || !(CONDITIONS as readonly string[]).includes(condition)) {
      p.fail(
        [...at, service, 'condition'],
        `must be one of ${CONDITIONS.join(', ')}, got ${describe(condition)}`,
      );
    }
    return { service, condition: condition as DependencyCondition };
  });
}

function parseVolumeMounts(p: Parser, at: Path, value: unknown, declared: string[]): VolumeMountSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) p.fail(at, `must be a list of "volume:/path[:ro]", got ${describe(value)}`);
  return value.map((item, i): VolumeMountSpec => {
    const where = [...at, i];
    if (typeof item !== 'string') {
      p.fail(where, `use the short form "volume:/path[:ro]", got ${describe(item)}`);
    }
    const parts = item.split(':');
    const [source = '', target = '', mode] = parts;
    if (parts.length === 1) {
      p.fail(
        where,
        `anonymous volumes (${JSON.stringify(item)}) are not supported: declare a named volume and write "name:${item}"`,
      );
    }
    if (/^[./~]/.test(source) || source.includes('/')) {
      p.fail(
        where,
        `bind mounts (${JSON.stringify(source)}) are refused: a validated stack must run the same on any runner, with nothing but its images; use a named volume`,
      );
    }
    if (parts.length > 3 || (mode !== undefined && mode !== 'ro' && mode !== 'rw')) {
      p.fail(
        where,
        `cannot read ${JSON.stringify(item)}; write "volume:/path", "volume:/path:ro" or "volume:/path:rw"`,
      );
    }
    if (!declared.includes(source)) {
      p.fail(where, `volume ${JSON.stringify(source)} is not declared under the top-level volumes key`);
    }
    if (!target.startsWith('/'))
      p.fail(where, `the mount path must be absolute, got ${JSON.stringify(target)}`);
    return { volume: source, target, readonly: mode === 'ro' };
  });
}

/** Service `networks`: names must be declared (or `default`); their aliases all apply on the stack's one network. */
function parseServiceNetworks(p: Parser, at: Path, value: unknown, declared: string[]): string[] {
  if (value === undefined || value === null) return [];
  const check = (name: string, where: Path, onKey: boolean): void => {
    if (name !== 'default' && !declared.includes(name)) {
      p.fail(
        where,
        `network ${JSON.stringify(name)} is not declared under the top-level networks key`,
        onKey,
      );
    }
  };
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item !== 'string') p.fail([...at, i], `must be a network name, got ${describe(item)}`);
      check(item, [...at, i], false);
    });
    return [];
  }
  if (!isRecord(value))
    p.fail(at, `must be a list of networks or a map of network: {aliases}, got ${describe(value)}`);
  const aliases: string[] = [];
  for (const [name, options] of Object.entries(value)) {
    check(name, [...at, name], true);
    if (options === null) continue;
    if (!isRecord(options)) p.fail([...at, name], `must be a map with aliases, got ${describe(options)}`);
    for (const key of Object.keys(options)) {
      if (key !== 'aliases') p.fail([...at, name, key], 'unsupported key; only aliases is supported', true);
    }
    const list = options.aliases;
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) p.fail([...at, name, 'aliases'], `must be a list, got ${describe(list)}`);
    list.forEach((alias, i) => {
      if (typeof alias !== 'string' || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(alias)) {
        p.fail([...at, name, 'aliases', i], `must be a DNS name, got ${describe(alias)}`);
      }
      if (!aliases.includes(alias)) aliases.push(alias);
    });
  }
  return aliases;
}
