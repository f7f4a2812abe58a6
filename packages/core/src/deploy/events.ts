/**
 * Structured deployment events: one JSON object per line in the log (greppable, parseable by log
 * shippers), and POSTed to a webhook when one is configured. Delivery is best effort: a webhook
 * that is down or slow produces a warning and never fails or delays a deployment by more than the
 * short timeout.
 */
import { errorMessage } from '../errors.js';
import type { Log } from '../log.js';
import type { DeploymentKind } from './ledger-record.js';

/** Event names, one per phase. */
export const DEPLOY_EVENTS = [
  'started',
  'healthy',
  'unhealthy',
  'rolled-back',
  'failed',
  'deployed',
] as const;
/** A value of {@link DEPLOY_EVENTS}. */
export type DeployEventName = (typeof DEPLOY_EVENTS)[number];

/** One event. */
export interface DeployEvent {
  /** Schema marker for consumers. */
  schema: 'digestline.deploy.event/v1';
  event: DeployEventName;
  /** RFC 3339. */
  time: string;
  environment: string;
  deploymentId: string;
  kind: DeploymentKind;
  /** Image set entry name → digest reference. */
  digests: Record<string, string>;
  commit: string;
  runUrl: string;
  previous?: string;
  rollbackOf?: string;
  /** What happened, e.g. the failing check. */
  detail?: string;
  durations?: { deployMs?: number; soakMs?: number };
}

/** Options of {@link EventSink}. */
export interface EventSinkOptions {
  /** Webhook URL (http/https); events are POSTed as `application/json`. */
  webhook?: string;
  /** Per-POST timeout (default 3 s). */
  timeoutMs?: number;
  /** Where the JSON line goes (info) and delivery problems go (warning). */
  log: Log;
  fetch?: typeof fetch;
}

/** Emits events to the log and the webhook. */
export class EventSink {
  /** Every event emitted, in order (for summaries and tests). */
  readonly emitted: DeployEvent[] = [];
  /** POSTs that failed. */
  failedDeliveries = 0;

  constructor(private readonly opts: EventSinkOptions) {}

  /** Logs the event as one JSON line and POSTs it to the webhook (never throws). */
  async emit(event: Omit<DeployEvent, 'schema' | 'time'> & { time?: string }): Promise<void> {
    const full: DeployEvent = {
      schema: 'digestline.deploy.event/v1',
      time: new Date().toISOString(),
      ...event,
    };
    this.emitted.push(full);
    const line = JSON.stringify(full);
    this.opts.log.info(line);
    if (this.opts.webhook === undefined || this.opts.webhook === '') return;
    const fetchImpl = this.opts.fetch ?? globalThis.fetch;
    try {
      const response = await fetchImpl(this.opts.webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'digestline-deploy-staging' },
        body: line,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 3000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (err) {
      this.failedDeliveries++;
      // The URL may embed a token (chat webhooks do): name the input, not the URL.
      this.opts.log.warning(
        `events-webhook: could not deliver the ${full.event} event: ${errorMessage(err)}`,
      );
    }
  }
}
