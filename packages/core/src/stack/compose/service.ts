/** One service of a stack file: its keys checked against the subset, each field read by its parser. */
import { STACK_NAME_PATTERN } from '../names.js';
import { describe, isRecord, literal, scalarText, type Parser, type Path } from './document.js';
import { parseHealthcheck } from './healthcheck.js';
import { parseImage, type ImagesByPlaceholder } from './image.js';
import { parseExpose, parsePorts } from './ports.js';
import { parseDependsOn, parseServiceNetworks, parseVolumeMounts } from './relations.js';
import type { ServiceSpec } from './types.js';

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

/** Reads service `name`; `volumes`/`networks` are the declared names. */
export function parseService(
  p: Parser,
  name: string,
  value: unknown,
  byPlaceholder: ImagesByPlaceholder,
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
    ...parseImage(p, [...at, 'image'], value.image, byPlaceholder, name),
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
