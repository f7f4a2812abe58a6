/** One problem found in a workflow. */
export interface WiringFinding {
  /**
   * Which check: actionlint itself, YAML/schema validation, the image-source rule, the no-rebuild rule,
   * the rule that no signing key reaches a job a pull request runs.
   */
  check: 'actionlint' | 'workflow' | 'image-source' | 'rebuild' | 'key-exposure';
  file: string;
  job?: string;
  /** Step id, or `#<n> <name>` for a step without id. */
  step?: string;
  input?: string;
  line?: number;
  column?: number;
  /** actionlint's rule kind (`expression`, `runner-label`, …). */
  kind?: string;
  message: string;
}
