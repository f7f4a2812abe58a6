/**
 * Pieces of argv and output handling that the Docker and Podman CLIs share: flag values both parse
 * the same way, and the line-per-item output of their `ls`/`ps` verbs.
 */
import type { LabelFilter, PortMapping, TmpfsMount, VolumeMount } from './engine.js';

/** `127.0.0.1:8080:80`, `127.0.0.1::80/udp`, `[::1]:8080:80`. */
export function publishSpec(port: PortMapping): string {
  const host = port.host.includes(':') ? `[${port.host}]` : port.host;
  const proto = port.protocol && port.protocol !== 'tcp' ? `/${port.protocol}` : '';
  return `${host}:${port.hostPort ?? ''}:${port.containerPort}${proto}`;
}

/** `source:target[:ro]` for `--volume`; `target[:ro]` for an anonymous volume (empty `source`). */
export function volumeSpec(v: VolumeMount): string {
  return `${v.source === '' ? '' : `${v.source}:`}${v.target}${v.readonly ? ':ro' : ''}`;
}

/** `target[:size=<bytes>,mode=<octal>,<option>...]` for `--tmpfs`. */
export function tmpfsSpec(t: TmpfsMount): string {
  const options: string[] = [];
  if (t.sizeBytes !== undefined) options.push(`size=${t.sizeBytes}`);
  if (t.mode !== undefined) options.push(`mode=${t.mode.toString(8)}`);
  options.push(...(t.options ?? []));
  return options.length === 0 ? t.target : `${t.target}:${options.join(',')}`;
}

/** `--filter label=...` when a label is given. */
export function labelFilterArgs(opts: LabelFilter): string[] {
  return opts.label !== undefined ? ['--filter', `label=${opts.label}`] : [];
}

/** A duration both engines parse (Go's time.ParseDuration). */
export function goDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`durations must be whole milliseconds >= 0, got ${ms}`);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Non-empty, trimmed lines. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
