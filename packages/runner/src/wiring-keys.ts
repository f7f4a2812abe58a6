// The key-exposure wiring check: a job that can run for a pull request runs the pull request's code
// (its tests, its checks), so no signing key may reach it. Each job is evaluated as a pull request
// run would evaluate it — github.event_name, github.ref as for a pull request, every secret a marker —
// and a finding is reported where a marker reaches a step: through a `signing-key` input, or through a
// `with:`, `env:` or `run:` value that carries a secret named like a signing key.
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  evaluateCondition,
  evaluateToken,
  stringify,
  type Contexts,
  type StatusState,
} from './expressions.js';
import type { WiringFinding } from './wiring-finding.js';
import type { JobModel, StepModel, WorkflowModel } from './workflow.js';

/** Events whose runs execute code from the pull request (`pull_request_target` runs the base's workflow but is often made to check out the head). */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/** The input of digestline's actions that takes a private key. */
const SIGNING_INPUT = 'signing-key';

/** Secret names that hold a signing key, whatever input or variable they are put into. */
const SIGNING_SECRET = /SIGNING|PRIVATE_?KEY|COSIGN_KEY/i;

const STATUS: StatusState = { success: true, failure: false, cancelled: false };

const marker = (name: string): string => `⟦secret:${name}⟧`;
const MARKER = /⟦secret:([^⟧]+)⟧/g;

/** Every secret name the workflow text mentions (`secrets.NAME` or `secrets['NAME']`). */
function secretNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']+)'\s*\])/g)) {
    names.add(m[1] ?? m[2] ?? '');
  }
  names.delete('');
  return [...names];
}

/** The contexts of a pull request run as far as a workflow's conditions and values can see them. */
function pullRequestContexts(event: string, workflow: WorkflowModel, text: string): Partial<Contexts> {
  const secrets: Record<string, string> = {};
  for (const name of secretNames(text)) secrets[name] = marker(name);
  const needs: Contexts['needs'] = {};
  for (const job of workflow.jobs) needs[job.id] = { outputs: {}, result: 'success' };
  return {
    github: {
      event_name: event,
      ref: 'refs/pull/1/merge',
      ref_name: '1/merge',
      ref_type: 'branch',
      head_ref: 'pull-request-branch',
      base_ref: 'main',
      event: { pull_request: { number: 1, head: { ref: 'pull-request-branch' }, base: { ref: 'main' } } },
    },
    secrets,
    needs,
    env: {},
    vars: {},
  };
}

/** Evaluates a token; an expression the check cannot evaluate counts as reaching everything it names. */
function valueOf(token: TemplateToken, contexts: Partial<Contexts>, where: string, source: string): string {
  try {
    return stringify(evaluateToken(token, contexts, STATUS, where));
  } catch {
    return secretNames(source)
      .map((n) => marker(n))
      .join('');
  }
}

function canRun(condition: string, contexts: Partial<Contexts>, where: string): boolean {
  try {
    return evaluateCondition(condition, contexts, STATUS, where);
  } catch {
    return true;
  }
}

function leaked(value: string): string[] {
  return [...value.matchAll(MARKER)].map((m) => m[1] ?? '');
}

/** The env a step sees: workflow, job and step `env:` evaluated in order (later keys win). */
function envOf(
  tokens: Array<TemplateToken | undefined>,
  contexts: Partial<Contexts>,
  where: string,
  source: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const token of tokens) {
    if (token === undefined) continue;
    try {
      const value = evaluateToken(token, { ...contexts, env }, STATUS, where);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) env[k] = stringify(v);
      }
    } catch {
      env['<unevaluated>'] = valueOf(token, contexts, where, source);
    }
  }
  return env;
}

function stepFindings(
  workflow: WorkflowModel,
  job: JobModel,
  step: StepModel,
  event: string,
  contexts: Partial<Contexts>,
  source: string,
): WiringFinding[] {
  const where = `${job.id}.steps[${step.index}]`;
  if (!canRun(step.if, contexts, where)) return [];
  const env = envOf([workflow.env, job.env, step.env], contexts, where, source);
  const scoped = { ...contexts, env };
  const findings: WiringFinding[] = [];
  const report = (input: string | undefined, names: string[], through: string): void => {
    findings.push({
      check: 'key-exposure',
      file: workflow.path,
      job: job.id,
      step: step.explicitId ? step.id : `#${step.index + 1} ${step.displayName}`,
      ...(input !== undefined ? { input } : {}),
      message:
        `job '${job.id}' can run for ${event} and hands ${names.length > 0 ? `secret ${names.join(', ')}` : 'a key'} ` +
        `to ${through}: the pull request's own code runs in that job and could sign with it. Give the key ` +
        `only where no pull request runs, e.g. \${{ github.event_name != '${event}' && secrets.<NAME> || '' }}`,
    });
  };
  for (const pair of step.with ?? []) {
    const input = String(pair.key);
    const value = valueOf(pair.value, scoped, `${where}.with.${input}`, source);
    const names = leaked(value);
    if (input === SIGNING_INPUT && value.trim() !== '') report(input, names, `input ${input}`);
    else if (names.some((n) => SIGNING_SECRET.test(n))) {
      report(
        input,
        names.filter((n) => SIGNING_SECRET.test(n)),
        `input ${input}`,
      );
    }
  }
  const envNames = Object.values(env)
    .flatMap(leaked)
    .filter((n) => SIGNING_SECRET.test(n));
  if (envNames.length > 0) report(undefined, [...new Set(envNames)], 'its environment');
  if (step.run !== undefined) {
    const names = leaked(valueOf(step.run, scoped, `${where}.run`, source)).filter((n) =>
      SIGNING_SECRET.test(n),
    );
    if (names.length > 0) report(undefined, names, 'its run: script');
  }
  return findings;
}

/**
 * Reports every place a signing key reaches a job that can run for a pull request (`source` is the
 * workflow file's text, for the secret names).
 */
export function checkKeyExposure(workflow: WorkflowModel, source: string): WiringFinding[] {
  const findings: WiringFinding[] = [];
  for (const event of workflow.events.filter((e) => PULL_REQUEST_EVENTS.includes(e))) {
    const contexts = pullRequestContexts(event, workflow, source);
    for (const job of workflow.jobs) {
      if (!canRun(job.if, contexts, `jobs.${job.id}.if`)) continue;
      for (const step of job.steps)
        findings.push(...stepFindings(workflow, job, step, event, contexts, source));
    }
  }
  return findings;
}
