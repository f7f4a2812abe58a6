import type { FileTree } from './file-tree.js';

/** The rules of an image policy, named as in image-policy.yaml. */
export type PolicyRule = 'max-size' | 'non-root' | 'forbid' | 'require-labels' | 'require-healthcheck';

/** Every rule in the order reports list them. */
export const POLICY_RULES: readonly PolicyRule[] = [
  'max-size',
  'non-root',
  'forbid',
  'require-labels',
  'require-healthcheck',
];

/** A parsed, validated image-policy.yaml. Absent keys disable their rule. */
export interface ImagePolicy {
  /** Where the policy came from (file path), for messages and reports. */
  source: string;
  /** Limit on the compressed, pushed size; `text` is the limit as written, normalised (`60 MB`). */
  maxSize?: { bytes: number; text: string };
  nonRoot: boolean;
  /** Absolute paths or globs (see docs/image-policy.md). */
  forbid: string[];
  requireLabels: string[];
  requireHealthcheck: boolean;
}

/** The parts of an OCI/Docker image config JSON that the policy reads. */
export interface ImageConfigFile {
  architecture?: string;
  os?: string;
  config?: {
    User?: string;
    Labels?: Record<string, string> | null;
    Healthcheck?: {
      Test?: string[] | null;
      Interval?: number;
      Timeout?: number;
      StartPeriod?: number;
      Retries?: number;
    } | null;
    [key: string]: unknown;
  } | null;
  [key: string]: unknown;
}

/** What is known about one pushed image. */
export interface ImageFacts {
  /** Sum of the manifest's layer sizes plus the config size: the bytes a pull transfers. */
  sizeCompressed: number;
  config: ImageConfigFile;
  /**
   * The image filesystem: a {@link FileTree} built from the layers (knows symlinks and whiteouts), or a
   * plain set of absolute paths. Only needed when the policy has `forbid` rules.
   */
  files?: FileTree | Set<string>;
}

/** One broken rule. A rule may produce several (one per matching glob, one per missing label). */
export interface PolicyViolation {
  rule: PolicyRule;
  /** Starts with the rule name: `forbid: /usr/bin/apt* matches /usr/bin/apt`. */
  message: string;
  /** For `forbid`: every matching path as seen through the glob. */
  paths?: string[];
}

/** The outcome of one enabled rule, for the report table. */
export interface RuleOutcome {
  passed: boolean;
  /** One line without the rule name, e.g. `12.3 MB ≤ 60 MB`. */
  detail: string;
}

/** Result of {@link checkImage}. */
export interface PolicyResult {
  source: string;
  passed: boolean;
  violations: PolicyViolation[];
  /** Only the rules the policy enables appear here. */
  checked: Partial<Record<PolicyRule, RuleOutcome>>;
}
