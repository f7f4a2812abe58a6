// Loads a workflow file with @actions/workflow-parser (schema validation, `if:` normalisation, job
// graph) and keeps the raw tokens for the keys its converted model drops (with:, shell,
// working-directory, timeout-minutes, defaults, job continue-on-error).
import { readFile } from 'node:fs/promises';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import type { Job, Step, WorkflowTemplate } from '@actions/workflow-parser/model/workflow-template';
import type {
  MappingToken,
  SequenceToken,
  TemplateToken,
} from '@actions/workflow-parser/templates/tokens/index';
import { isBasicExpression, isMapping, isSequence, isString } from '@actions/workflow-parser';
import { multiLineTemplate } from './expressions.js';

/** One step as the runner needs it. Tokens stay unevaluated until the step runs. */
export interface StepModel {
  /** Position in the job, 0-based. */
  index: number;
  /** The `id:` key, or a generated id (`__run`, `__self`, … like the parser) for steps without one. */
  id: string;
  /** Whether `id:` was written; only such steps appear in the `steps` context. */
  explicitId: boolean;
  /** Display name: `name:` if it is a literal, else `Run <first line>` / `Run <uses>`. */
  displayName: string;
  nameToken?: TemplateToken;
  /** The `if:` condition with a status function ensured (parser default `success()`). */
  if: string;
  env?: MappingToken;
  run?: TemplateToken;
  uses?: string;
  with?: MappingToken;
  workingDirectory?: TemplateToken;
  shell?: TemplateToken;
  continueOnError?: TemplateToken;
  timeoutMinutes?: TemplateToken;
}

/** `defaults.run` at workflow or job level (literal strings: the schema allows no expressions). */
export interface RunDefaults {
  shell?: string;
  workingDirectory?: string;
}

/** One job as the runner needs it. */
export interface JobModel {
  id: string;
  displayName: string;
  needs: string[];
  if: string;
  outputs?: MappingToken;
  env?: MappingToken;
  runsOn?: TemplateToken;
  steps: StepModel[];
  defaults: RunDefaults;
  timeoutMinutes?: TemplateToken;
  continueOnError?: TemplateToken;
  /** Why the local runner cannot run this job (container:, services:, matrix, reusable workflow). */
  unsupported?: string;
}

/** A `workflow_dispatch` input declaration. */
export interface DispatchInput {
  type: string;
  required: boolean;
  default?: string | number | boolean;
  options?: string[];
}

/** A loaded, validated workflow. */
export interface WorkflowModel {
  path: string;
  name: string;
  events: string[];
  env?: TemplateToken;
  defaults: RunDefaults;
  jobs: JobModel[];
  dispatchInputs: Record<string, DispatchInput>;
  /** The converted template, for checks that walk it (wiring). */
  template: WorkflowTemplate;
  /** The root token of the parsed file. */
  root: MappingToken;
}

/** A workflow that does not parse or validate; `problems` lists each message with file:line. */
export class WorkflowError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`${path} is not a valid workflow:\n  ${problems.join('\n  ')}`);
    this.name = 'WorkflowError';
  }
}

function literal(token: TemplateToken | undefined): string | undefined {
  if (token === undefined) return undefined;
  if (isString(token)) return token.value;
  if (token.isLiteral) return String(token);
  return undefined;
}

function runDefaults(owner: MappingToken | undefined): RunDefaults {
  const defaults = owner?.find('defaults');
  const run = defaults && isMapping(defaults) ? defaults.find('run') : undefined;
  if (!run || !isMapping(run)) return {};
  return { shell: literal(run.find('shell')), workingDirectory: literal(run.find('working-directory')) };
}

function asMapping(token: TemplateToken | undefined): MappingToken | undefined {
  return token && isMapping(token) ? token : undefined;
}

function stepModel(step: Step, raw: MappingToken | undefined, index: number): StepModel {
  const uses = 'uses' in step ? step.uses.value : undefined;
  const run = 'run' in step ? step.run : undefined;
  const nameLiteral = literal(step.name);
  const runText = run
    ? (literal(run) ?? multiLineTemplate(run) ?? (isBasicExpression(run) ? run.source : undefined))
    : '';
  const firstLine = (runText ?? String(run)).trim().split('\n')[0] ?? '';
  return {
    index,
    id: step.id,
    explicitId: raw?.find('id') !== undefined,
    displayName: nameLiteral ?? (uses ? `Run ${uses}` : `Run ${firstLine}`),
    nameToken: step.name,
    if: 'if' in step && step.if ? step.if.expression : 'success()',
    env: 'env' in step ? step.env : undefined,
    run,
    uses,
    with: asMapping(raw?.find('with')),
    workingDirectory: raw?.find('working-directory'),
    shell: raw?.find('shell'),
    continueOnError: raw?.find('continue-on-error'),
    timeoutMinutes: raw?.find('timeout-minutes'),
  };
}

function jobModel(job: WorkflowTemplate['jobs'][number], raw: MappingToken | undefined): JobModel {
  const id = job.id.value;
  const base = {
    id,
    displayName: literal(job.name) ?? id,
    needs: (job.needs ?? []).map((n) => n.value),
    if: job.if.expression,
    outputs: job.outputs,
    defaults: runDefaults(raw),
    timeoutMinutes: raw?.find('timeout-minutes'),
    continueOnError: raw?.find('continue-on-error'),
  };
  if (job.type === 'reusableWorkflowJob') {
    return { ...base, steps: [], unsupported: 'reusable workflows (jobs.<id>.uses) are not supported' };
  }
  const plain: Job = job;
  const rawSteps = raw?.find('steps');
  const steps = plain.steps.map((s, i) =>
    stepModel(
      s,
      rawSteps && isSequence(rawSteps) ? asMapping((rawSteps as SequenceToken).get(i)) : undefined,
      i,
    ),
  );
  const reasons: string[] = [];
  if (plain.container)
    reasons.push('job containers (container:) are not supported: everything runs on the host');
  if (plain.services) reasons.push('service containers (services:) are not supported');
  const strategy = asMapping(plain.strategy);
  if (strategy?.find('matrix')) reasons.push('strategy.matrix is not supported');
  for (const s of steps) {
    if (s.run === undefined && s.uses === undefined) {
      reasons.push(`step ${s.index + 1} is neither run: nor uses: (wait/cancel/parallel are not supported)`);
    }
  }
  return {
    ...base,
    env: plain.env,
    runsOn: plain['runs-on'],
    steps,
    unsupported: reasons.length > 0 ? reasons.join('; ') : undefined,
  };
}

/** Parses and validates workflow text; throws WorkflowError listing every problem. */
export async function parseWorkflowText(path: string, content: string): Promise<WorkflowModel> {
  const parsed = parseWorkflow({ name: path, content }, new NoOperationTraceWriter());
  const problems = parsed.context.errors.getErrors().map((e) => e.message);
  if (problems.length > 0 || !parsed.value) throw new WorkflowError(path, problems);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  const conversionProblems = (template.errors ?? []).map((e) => e.Message);
  if (conversionProblems.length > 0) throw new WorkflowError(path, conversionProblems);
  const root = parsed.value.assertMapping('workflow root');
  const rawJobs = asMapping(root.find('jobs'));
  const dispatch = template.events.workflow_dispatch?.inputs ?? {};
  const dispatchInputs: Record<string, DispatchInput> = {};
  for (const [name, cfg] of Object.entries(dispatch)) {
    dispatchInputs[name] = {
      type: String(cfg.type ?? 'string'),
      required: cfg.required === true,
      default: cfg.default,
      options: cfg.options,
    };
  }
  return {
    path,
    name: literal(root.find('name')) ?? path,
    events: Object.keys(template.events),
    env: root.find('env'),
    defaults: runDefaults(root),
    jobs: template.jobs.map((j) => jobModel(j, asMapping(rawJobs?.find(j.id.value)))),
    dispatchInputs,
    template,
    root,
  };
}

/** Reads, parses and validates a workflow file. */
export async function loadWorkflow(path: string): Promise<WorkflowModel> {
  return parseWorkflowText(path, await readFile(path, 'utf8'));
}
