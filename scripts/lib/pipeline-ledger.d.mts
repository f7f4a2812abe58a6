// Types of pipeline-ledger.mjs for the TypeScript tests.

/** An image reference split into its parts. */
export interface ImageParts {
  registry: string;
  repository: string;
  digest: string;
}

export function splitImage(ref: string): ImageParts | undefined;

export function imageLines(text: string | undefined): Record<string, ImageParts>;

/** The parts of the runner's workflow model and run result this module reads. */
export interface WorkflowShape {
  jobs: Array<{
    id: string;
    steps: Array<{ id: string; uses?: string; run?: { value?: string; source?: string } }>;
  }>;
}
export interface ResultShape {
  jobs: Record<string, { steps: Array<{ id: string; post: boolean; startedAt?: number }> } | undefined>;
}
export interface StepStart {
  job: string;
  step: string;
  startedAt: number;
}

export function buildsAfterValidation(
  runner: { actionName: (uses: string | undefined) => string | undefined; imageConsumers: string[] },
  workflow: WorkflowShape,
  result: ResultShape,
): { count: number; after?: StepStart[]; validationStartedAt: number | undefined; builds: number };

export function criticalPath(timeline: {
  jobs: Array<{ id: string; needs: string[]; start?: number; end?: number }>;
}): Array<{ job: string; startMs: number; endMs: number; durationMs: number }>;
