/**
 * The diagnostics bundle of a stack: what a reader needs to see why a stack failed (logs, the
 * engine's raw inspect, who was where on the network), written with secrets redacted.
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
  network: string;
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
      networkMap.push(networkEntry(stack.network, info));
      const record = stack.services.find((s) => s.container === info.name);
      if (record) statuses.push(serviceStatus(stack.network, record, info));
    } catch (err) {
      errors.push(`network map ${c.name}: ${errorMessage(err)}`);
    }
  }
  await write('network.json', JSON.stringify({ network: stack.network, containers: networkMap }, null, 2));
  await write(
    'services.json',
    JSON.stringify({ project: stack.project, services: statuses, timings: stack.timings }, null, 2),
  );
  if (errors.length > 0) await write('errors.txt', errors.join('\n') + '\n');
  return written;
}

function networkEntry(network: string, info: ContainerInfo): NetworkEntry {
  const net = info.networks.find((n) => n.name === network);
  const entry: NetworkEntry = { container: info.name, aliases: net?.aliases ?? [] };
  if (info.labels[SERVICE_LABEL] !== undefined) entry.service = info.labels[SERVICE_LABEL];
  if (net?.ipAddress !== undefined) entry.ipAddress = net.ipAddress;
  return entry;
}
