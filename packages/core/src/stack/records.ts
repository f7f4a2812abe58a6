/**
 * The services of a running stack as the stack knows them: from `up`'s plan, or read back from the
 * labels of its containers when another process attaches.
 */
import type { ContainerEngine, ContainerInfo } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import {
  CONTAINER_ROLE_LABEL,
  IMAGE_LABEL,
  ORDER_LABEL,
  PORT_LABEL,
  SERVICE_LABEL,
  STACK_LABEL,
} from './labels.js';

/** A service as a running stack knows it (from `up`, or from labels after `attach`). */
export interface ServiceRecord {
  name: string;
  container: string;
  image: string;
  port?: number;
  order: number;
}

/** Whether an engine error says the thing is already gone (removed meanwhile, or never made). */
export function isGone(err: unknown): boolean {
  return /no such|not found|does not exist|no container with|no volume with|unable to find network/i.test(
    errorMessage(err),
  );
}

/** The service containers of `project` (probes left out), from their labels, in start order. */
export async function findServiceRecords(project: string, engine: ContainerEngine): Promise<ServiceRecord[]> {
  const containers = await engine.containerList({ label: `${STACK_LABEL}=${project}`, all: true });
  const records: ServiceRecord[] = [];
  for (const c of containers) {
    let info: ContainerInfo;
    try {
      info = await engine.inspectContainer(c.id);
    } catch (err) {
      if (isGone(err)) continue;
      throw err;
    }
    const service = info.labels[SERVICE_LABEL];
    if (service === undefined || info.labels[CONTAINER_ROLE_LABEL] === 'probe') continue;
    const record: ServiceRecord = {
      name: service,
      container: info.name,
      image: info.labels[IMAGE_LABEL] ?? info.imageRef,
      order: Number(info.labels[ORDER_LABEL] ?? records.length),
    };
    const port = Number(info.labels[PORT_LABEL]);
    if (Number.isInteger(port) && port > 0) record.port = port;
    records.push(record);
  }
  return records.sort((a, b) => a.order - b.order);
}
