// `run:` steps: which interpreter runs the script file, as the runners choose it.

const SHELLS: Record<string, { template: string; ext: string }> = {
  bash: { template: 'bash --noprofile --norc -eo pipefail {0}', ext: '.sh' },
  sh: { template: 'sh -e {0}', ext: '.sh' },
  python: { template: 'python3 {0}', ext: '.py' },
  node: { template: 'node {0}', ext: '.cjs' },
};

/** The argv for a `shell:` value and a script file, as the runners build it. */
export function shellArgv(shell: string, script: string): string[] {
  const template = SHELLS[shell]?.template ?? shell;
  if (['pwsh', 'powershell', 'cmd'].includes(shell)) {
    throw new Error(`shell '${shell}' is not supported by the local runner`);
  }
  const parts = template.split(/\s+/).filter((p) => p !== '');
  const argv = parts.map((p) => p.replace('{0}', script));
  return parts.some((p) => p.includes('{0}')) ? argv : [...argv, script];
}

/** The extension the script file gets for a `shell:` value (some interpreters look at it). */
export function scriptExtension(shell: string): string {
  return SHELLS[shell]?.ext ?? '';
}
