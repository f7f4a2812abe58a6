/** Names as written in action.yml; a test holds the two together. */

export const Inputs = {
  Checks: 'checks',
  ChecksFile: 'checks-file',
  Image: 'image',
  WorkingDirectory: 'working-directory',
  Concurrency: 'concurrency',
  FailFast: 'fail-fast',
  Timeout: 'timeout',
  Env: 'env',
  Engine: 'engine',
  SigningKey: 'signing-key',
  UnsafeHostCommandsWithKey: 'unsafe-host-commands-with-key',
  EvidenceRepository: 'evidence-repository',
} as const;

export const Outputs = {
  Result: 'result',
  Failed: 'failed',
  Report: 'report',
  Evidence: 'evidence',
} as const;

/** Per-check time limit when `timeout` is empty. */
export const DEFAULT_TIMEOUT_MS = 10 * 60_000;
