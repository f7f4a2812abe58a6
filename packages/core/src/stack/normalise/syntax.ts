/**
 * Compose's short syntax turned into the long syntax `docker compose config` prints: ports, volume
 * mounts, shell-word commands and Go durations.
 */
import type { ComposePort, ComposeVolumeMount } from '../compose/model.js';

/** A short value that cannot be read; the message says what was expected. */
export class SyntaxProblem extends Error {}

/** `[ip:][host[-range]:]container[-range][/protocol]` → one long-syntax port per container port. */
export function parsePortShort(spec: string): ComposePort[] {
  let rest = spec;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2]!;
  }
  const parts = rest.split(':');
  if (hostIp === undefined && parts.length === 3) hostIp = parts.shift();
  if (parts.length > 2 || (hostIp !== undefined && parts.length !== 2)) {
    throw new SyntaxProblem(`port ${JSON.stringify(spec)} is not [ip:][host:]container[/protocol]`);
  }
  const container = range(parts[parts.length - 1]!, spec);
  const host = parts.length === 2 && parts[0] !== '' ? range(parts[0]!, spec) : undefined;
  const base = (target: number): ComposePort => ({
    mode: 'ingress',
    target,
    protocol,
    ...(hostIp ? { host_ip: hostIp } : {}),
  });
  if (host === undefined) return container.map((t) => base(t));
  if (container.length === 1) {
    const published = host.length === 1 ? String(host[0]) : `${host[0]}-${host[host.length - 1]}`;
    return [{ ...base(container[0]!), published }];
  }
  if (host.length !== container.length) {
    throw new SyntaxProblem(
      `port ${JSON.stringify(spec)}: the host range and the container range differ in length`,
    );
  }
  return container.map((t, i) => ({ ...base(t), published: String(host[i]) }));
}

function range(text: string, spec: string): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m)
    throw new SyntaxProblem(`port ${JSON.stringify(spec)}: ${JSON.stringify(text)} is not a port or a range`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from || to > 65535) throw new SyntaxProblem(`port ${JSON.stringify(spec)}: invalid range ${text}`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const PROPAGATION = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);
const CONSISTENCY = new Set(['cached', 'delegated', 'consistent']);

/** `[source:]target[:options]` → a long-syntax mount; `resolve` makes a host path absolute. */
export function parseVolumeShort(spec: string, resolve: (path: string) => string): ComposeVolumeMount {
  const parts = spec.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) {
    throw new SyntaxProblem(
      `volume ${JSON.stringify(spec)} is not [source:]target[:ro|rw|z|Z|nocopy|propagation]`,
    );
  }
  if (parts.length === 1) return { type: 'volume', target: parts[0]!, volume: {} };
  const [source, target, options = ''] = parts as [string, string, string?];
  const isPath = /^[./~]/.test(source);
  const mount: ComposeVolumeMount = isPath
    ? { type: 'bind', source: resolve(source), target }
    : { type: 'volume', source, target };
  const bind: NonNullable<ComposeVolumeMount['bind']> = {};
  const volume: NonNullable<ComposeVolumeMount['volume']> = {};
  for (const option of options === '' ? [] : options.split(',')) {
    if (option === 'ro') mount.read_only = true;
    else if (option === 'rw') mount.read_only = false;
    else if (option === 'z' || option === 'Z') bind.selinux = option;
    else if (option === 'nocopy') volume.nocopy = true;
    else if (PROPAGATION.has(option)) bind.propagation = option;
    // Docker Desktop's file-sharing consistency: the reference accepts it and drops it.
    else if (CONSISTENCY.has(option)) continue;
    else throw new SyntaxProblem(`volume ${JSON.stringify(spec)}: unknown option ${JSON.stringify(option)}`);
  }
  if (mount.read_only === false) delete mount.read_only;
  if (isPath) mount.bind = { ...bind, create_host_path: true };
  else {
    // An SELinux label on a named volume is kept under `bind`, as the reference prints it.
    if (Object.keys(bind).length > 0) mount.bind = bind;
    mount.volume = volume;
  }
  return mount;
}

/** Splits a command line into words as compose-go does (go-shellwords, no expansion). */
export function shellSplit(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
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
  if (quote !== undefined) throw new SyntaxProblem(`unterminated ${quote} in ${JSON.stringify(line)}`);
  if (inWord) words.push(word);
  return words;
}

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** A Go duration (`1m30s`, `500ms`, `1.5h`) printed the way Go's `time.Duration.String` does. */
export function normaliseDuration(text: string): string {
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (text === '0') return '0s';
  if (!m) throw new SyntaxProblem(`${JSON.stringify(text)} is not a duration like 30s, 1m30s or 500ms`);
  let ns = 0;
  for (const part of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    ns += Number(part[1]) * UNIT_NS[part[2]!]!;
  }
  return formatDuration(Math.round(ns) * (m[1] === '-' ? -1 : 1));
}

function formatDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let rest = Math.abs(ns);
  if (rest < 1e9) {
    const [unit, size] = rest < 1e3 ? ['ns', 1] : rest < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    return `${sign}${trimFraction(rest / size)}${unit}`;
  }
  const hours = Math.floor(rest / 3600e9);
  rest -= hours * 3600e9;
  const minutes = Math.floor(rest / 60e9);
  rest -= minutes * 60e9;
  const seconds = `${trimFraction(rest / 1e9)}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

function trimFraction(n: number): string {
  return Number(n.toFixed(9)).toString();
}
