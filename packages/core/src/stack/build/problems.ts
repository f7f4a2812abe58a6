/** Collecting every problem of a normalised compose file, each with its file, line and key path. */
import type { NormalisedCompose, StackProblem } from '../compose/model.js';
import { formatPath, type Path } from '../compose/document.js';

/** The problems found so far; never throws, so that a file reports everything at once. */
export class Problems {
  readonly list: StackProblem[] = [];

  constructor(private readonly where: NormalisedCompose['lineOf']) {}

  /** Something that stops the stack from starting. */
  error(path: Path, message: string): void {
    this.add('error', path, message);
  }

  /** Something the stack does differently from Compose, said once so nobody is surprised. */
  warning(path: Path, message: string): void {
    this.add('warning', path, message);
  }

  /** True when an error has been reported. */
  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }

  private add(severity: StackProblem['severity'], path: Path, message: string): void {
    const { file, line } = this.where(path);
    const problem: StackProblem = { severity, file, path: formatPath(path), message };
    if (line !== undefined) problem.line = line;
    this.list.push(problem);
  }
}

/** `value` as a list of strings, or undefined when it is not one. */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}
