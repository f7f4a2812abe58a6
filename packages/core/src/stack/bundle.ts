/**
 * The diagnostics bundle of a stack: what a reader needs to see why a stack failed (logs, the
 * engine's raw inspect, who was where on which network), written with secrets redacted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerEngine, ContainerInfo } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import { SERVICE_LABEL, STACK_LABEL } from './labels.js';
import type { ServiceRecord } from './records.js';
import { bundleRedactor, secretEnvEntries } from './redaction.js';
import { serviceStatus, type ServiceStatus } from './status.js';

/** The stack a bundle is collected from. */
export interface BundleSource {
  project: string;
  /** The stack's networks, its first network first. */
  networks: readonly string[];
  engine: ContainerEngine;
  services: readonly ServiceRecord[];
  /** Written into `services.json` alongside the statuses. */
  timings: unknown;
}

/** One container's entry in `network.json`. */
interface NetworkEntry {
  container: string;
  service?: string;
  aliases: string[];
  ipAddress?: string;
  /** Every network of the stack the container is on, with its names and address there. */
  networks: Array<{ network: string; aliases: string[]; ipAddress?: string }>;
}

/**
 * Writes the bundle of `stack` into `dir` (see `Stack.collectBundle`). Never throws for one
 * container: a failure is written into the bundle as `errors.txt`.
 * @returns the files written
 */
export async function collectBundle(
  stack: BundleSource,
  dir: string,
  opts: { redact?: string[] } = {},
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const errors: string[] = [];
  const secretEnv: Array<{ name: string; value: string }> = [];
  const redactSecrets = bundleRedactor(secretEnv, opts.redact ?? []);
  const write = async (file: string, text: string): Promise<void> => {
    const path = join(dir, file);
    await writeFile(path, redactSecrets(text));
    written.push(path);
  };
  const { engine } = stack;
  const containers = await engine.containerList({ label: `${STACK_LABEL}=${stack.project}`, all: true });
  const raws: Array<{ name: string; raw: string }> = [];
  for (const c of containers) {
    try {
      const raw = await engine.inspectContainerRaw(c.id);
      raws.push({ name: c.name, raw });
      secretEnv.push(...secretEnvEntries(raw));
    } catch (err) {
      errors.push(`inspect ${c.name}: ${errorMessage(err)}`);
    }
  }
  for (const { name, raw } of raws) {
    await write(`${name}.inspect.json`, raw);
    try {
      const logs = await engine.logs(name);
      await write(`${name}.stdout.log`, logs.stdout);
      await write(`${name}.stderr.log`, logs.stderr);
    } catch (err) {
      errors.push(`logs ${name}: ${errorMessage(err)}`);
    }
  }
  const networkMap: NetworkEntry[] = [];
  const statuses: ServiceStatus[] = [];
  for (const c of containers) {
    try {
      const info = await engine.inspectContainer(c.id);
      networkMap.push(networkEntry(stack.networks, info));
      const record = stack.services.find((s) => s.container === info.name);
      if (record) statuses.push(serviceStatus(stack.networks, record, info));
    } catch (err) {
      errors.push(`network map ${c.name}: ${errorMessage(err)}`);
    }
  }
  const map = { network: stack.networks[0], networks: stack.networks, containers: networkMap };
  await write('network.json', JSON.stringify(map, null, 2));
  await write(
    'services.json',
    JSON.stringify({ project: stack.project, services: statuses, timings: stack.timings }, null, 2),
  );
  if (errors.length > 0) await write('errors.txt', errors.join('\n') + '\n');
  return written;
}

function networkEntry(networks: readonly string[], info: ContainerInfo): NetworkEntry {
  const on = networks.flatMap((name) => info.networks.filter((n) => n.name === name));
  const net = on[0];
  const entry: NetworkEntry = {
    container: info.name,
    aliases: net?.aliases ?? [],
    networks: on.map((n) => ({
      network: n.name,
      aliases: n.aliases,
      ...(n.ipAddress !== undefined ? { ipAddress: n.ipAddress } : {}),
    })),
  };
  if (info.labels[SERVICE_LABEL] !== undefined) entry.service = info.labels[SERVICE_LABEL];
  if (net?.ipAddress !== undefined) entry.ipAddress = net.ipAddress;
  return entry;
}
