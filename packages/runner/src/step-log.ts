// What a step process prints: every line goes to the step's log file; the progress log gets it
// masked, with groups collapsed unless verbose; workflow commands (::add-mask::, ::group::,
// annotations, ::set-output::, ::save-state::, ::stop-commands::) are acted on as the runners do.
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { type WorkflowCommand, parseWorkflowCommand } from './commands.js';
import type { Annotation, StepResult } from './report.js';
import type { RunState } from './run-state.js';

/** The output side of one step process, from its first line to the end of its log file. */
export class StepOutput {
  /** Lines kept out of the progress log because they were inside a collapsed group. */
  readonly hidden: string[] = [];
  private readonly logStream: WriteStream;
  private groupDepth = 0;
  private stopToken: string | undefined;

  /**
   * @param outputs receives `::set-output::` values
   * @param actionState receives `::save-state::` values
   */
  constructor(
    private readonly state: RunState,
    private readonly prefix: string,
    logFile: string,
    private readonly result: StepResult,
    private readonly outputs: Map<string, string>,
    private readonly actionState: Map<string, string>,
  ) {
    this.logStream = createWriteStream(logFile);
  }

  /** Handles one line the process printed (stdout or stderr). */
  readonly onLine = (raw: string): void => {
    const line = this.state.masker.mask(raw);
    if (this.stopToken !== undefined) {
      if (raw.trim() === `::${this.stopToken}::`) this.stopToken = undefined;
      else this.print(line);
      return;
    }
    const cmd = parseWorkflowCommand(raw);
    if (!cmd) {
      this.print(line);
      return;
    }
    this.command(cmd, line);
  };

  /** Ends the log file once everything written to it is flushed. */
  close(): Promise<void> {
    return new Promise<void>((resolve) => this.logStream.end(resolve));
  }

  private print(line: string): void {
    this.logStream.write(`${line}\n`);
    if (this.groupDepth > 0 && !this.state.options.verbose) this.hidden.push(line);
    else this.state.log(`${this.prefix} ${line}`);
  }

  private command(cmd: WorkflowCommand, line: string): void {
    const { state, prefix } = this;
    switch (cmd.command) {
      case 'add-mask':
        state.masker.add(cmd.message);
        return;
      case 'group':
        this.logStream.write(`▸ ${cmd.message}\n`);
        if (this.groupDepth === 0) state.log(`${prefix} ▸ ${state.masker.mask(cmd.message)}`);
        this.groupDepth++;
        return;
      case 'endgroup':
        this.groupDepth = Math.max(0, this.groupDepth - 1);
        return;
      case 'error':
      case 'warning':
      case 'notice':
        this.annotate(cmd.command, cmd);
        return;
      case 'debug':
        this.logStream.write(`debug: ${line}\n`);
        if (state.options.verbose) state.log(`${prefix} debug: ${state.masker.mask(cmd.message)}`);
        return;
      case 'set-output':
        // Deprecated on GitHub; forgejo-runner still honours it.
        if (cmd.properties['name']) this.outputs.set(cmd.properties['name'], cmd.message);
        return;
      case 'save-state':
        if (cmd.properties['name']) this.actionState.set(cmd.properties['name'], cmd.message);
        return;
      case 'stop-commands':
        this.stopToken = cmd.message;
        return;
      case 'echo':
        return;
      case 'set-env':
      case 'add-path':
        this.print(`warning: ::${cmd.command}:: is disabled (use GITHUB_ENV / GITHUB_PATH)`);
        return;
      default:
        this.print(line);
    }
  }

  private annotate(level: Annotation['level'], cmd: WorkflowCommand): void {
    const a: Annotation = { level, message: this.state.masker.mask(cmd.message) };
    if (cmd.properties['file']) a.file = cmd.properties['file'];
    if (cmd.properties['line']) a.line = cmd.properties['line'];
    this.result.annotations.push(a);
    const where = a.file ? ` (${a.file}${a.line ? `:${a.line}` : ''})` : '';
    this.logStream.write(`${a.level}: ${a.message}${where}\n`);
    this.state.log(`${this.prefix} ${a.level}: ${a.message}${where}`);
  }
}
