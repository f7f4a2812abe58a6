import { FileTree } from './file-tree.js';
import { compileGlob, findGlobMatches } from './glob.js';
import { formatSizeAgainst } from './size.js';
import type {
  ImageConfigFile,
  ImageFacts,
  ImagePolicy,
  PolicyResult,
  PolicyRule,
  PolicyViolation,
  RuleOutcome,
} from './types.js';

/** How many matching paths a forbid message spells out before summarising the rest. */
const MAX_PATHS_IN_MESSAGE = 10;

/**
 * True when checking the policy needs the image filesystem (it has `forbid` rules), so callers can
 * skip downloading layers otherwise.
 */
export function policyNeedsFiles(policy: ImagePolicy): boolean {
  return policy.forbid.length > 0;
}

/**
 * True if an image config `User` runs as root: empty (the default), `0`, `root`, or those with any
 * group (`0:0`, `root:staff`). A name mapping to uid 0 in /etc/passwd is not detected (contents are
 * never read).
 */
export function isRootUser(user: string | undefined | null): boolean {
  const name = (user ?? '').trim().split(':')[0]?.trim() ?? '';
  return name === '' || name === 'root' || /^0+$/.test(name);
}

/**
 * Checks one image against a policy. Every enabled rule is evaluated (no early exit) and every
 * violation is listed. Pure: the caller gathers the facts (see docs/image-policy.md).
 * @throws Error if the policy has forbid rules but `facts.files` is missing, or the size is not a number
 */
export function checkImage(policy: ImagePolicy, facts: ImageFacts): PolicyResult {
  const violations: PolicyViolation[] = [];
  const checked: Partial<Record<PolicyRule, RuleOutcome>> = {};
  const config: NonNullable<ImageConfigFile['config']> = facts.config.config ?? {};

  if (policy.maxSize) {
    if (!Number.isFinite(facts.sizeCompressed) || facts.sizeCompressed < 0) {
      throw new Error(`checkImage: sizeCompressed must be a byte count, got ${facts.sizeCompressed}`);
    }
    const actual = formatSizeAgainst(facts.sizeCompressed, policy.maxSize);
    const passed = facts.sizeCompressed <= policy.maxSize.bytes;
    const detail = `${actual} ${passed ? '≤' : '>'} ${policy.maxSize.text}`;
    checked['max-size'] = { passed, detail };
    if (!passed) violations.push({ rule: 'max-size', message: `max-size: ${detail}` });
  }

  if (policy.nonRoot) {
    const user = typeof config.User === 'string' ? config.User : '';
    const shown = user.trim() === '' ? 'User is empty' : `User is "${user}"`;
    if (isRootUser(user)) {
      const detail = `user is root (${shown})`;
      checked['non-root'] = { passed: false, detail };
      violations.push({ rule: 'non-root', message: `non-root: ${detail}` });
    } else {
      checked['non-root'] = { passed: true, detail: `user is ${user.trim()}` };
    }
  }

  if (policy.forbid.length > 0) {
    if (!facts.files) throw new Error('checkImage: the policy has forbid rules but facts.files is missing');
    const tree = facts.files instanceof FileTree ? facts.files : FileTree.fromPaths(facts.files);
    const before = violations.length;
    for (const pattern of policy.forbid) {
      const matches = findGlobMatches(tree, compileGlob(pattern));
      if (matches.length === 0) continue;
      const shown = matches
        .slice(0, MAX_PATHS_IN_MESSAGE)
        .map((m) => (m.realPath === m.path ? m.path : `${m.path} (${m.realPath})`));
      const more = matches.length - shown.length;
      violations.push({
        rule: 'forbid',
        message: `forbid: ${pattern} matches ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
        paths: matches.map((m) => m.path),
      });
    }
    const failed = violations.slice(before);
    checked.forbid =
      failed.length === 0
        ? {
            passed: true,
            detail: `none of ${policy.forbid.length} pattern(s) match (${tree.entryCount} paths)`,
          }
        : { passed: false, detail: failed.map((v) => v.message.slice('forbid: '.length)).join('; ') };
  }

  if (policy.requireLabels.length > 0) {
    const labels: Record<string, unknown> = config.Labels ?? {};
    const missing: string[] = [];
    for (const label of policy.requireLabels) {
      const value = labels[label];
      if (typeof value === 'string' && value.trim() !== '') continue;
      missing.push(label);
      violations.push({
        rule: 'require-labels',
        message: `require-labels: label ${label} is ${value === undefined ? 'missing' : 'empty'}`,
      });
    }
    checked['require-labels'] =
      missing.length === 0
        ? { passed: true, detail: `all ${policy.requireLabels.length} label(s) set` }
        : { passed: false, detail: `missing or empty: ${missing.join(', ')}` };
  }

  if (policy.requireHealthcheck) {
    const test = config.Healthcheck?.Test;
    let problem: string | undefined;
    if (!Array.isArray(test) || test.length === 0) {
      problem =
        'the image config has no Healthcheck (podman drops HEALTHCHECK unless built with --format docker)';
    } else if (test[0] === 'NONE') {
      problem = 'the healthcheck is disabled (Test is ["NONE"])';
    }
    if (problem) {
      checked['require-healthcheck'] = { passed: false, detail: problem };
      violations.push({ rule: 'require-healthcheck', message: `require-healthcheck: ${problem}` });
    } else {
      checked['require-healthcheck'] = { passed: true, detail: describeHealthcheck(test as string[]) };
    }
  }

  return { source: policy.source, passed: violations.length === 0, violations, checked };
}

function describeHealthcheck(test: string[]): string {
  const [kind, ...args] = test;
  const text = `${kind} ${args.join(' ')}`.trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
