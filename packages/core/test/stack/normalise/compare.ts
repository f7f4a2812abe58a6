/** The comparison both differential tests make, with the deliberate differences written down. */
import { expect } from 'vitest';
import type { ComposeModel, NormalisedCompose } from '../../../src/stack/compose/model.js';
import type { Case, ReferenceResult } from './reference.js';

/**
 * Errors the reference words around its Go internals (a multi-line cycle, `open …: no such file`, `stat
 * …`): ours say the same in a sentence of our own, and both are held here, so that a change on either
 * side shows.
 */
const SAME_MEANING: Record<string, { reference: RegExp; ours: RegExp }> = {
  'include-cycle': {
    reference: /^ include <include-fixtures>\/include-cycle\/compose\.yaml$/,
    ours: /^include cycle detected: \S+\/include-cycle\/compose\.yaml includes \S+\/a\/compose\.yaml includes \S+\/include-cycle\/compose\.yaml$/,
  },
  'include-missing': {
    reference: /^open <include-fixtures>\/include-missing\/a\/missing\.yaml: no such file or directory$/,
    ours: /^included file a\/missing\.yaml does not exist \(looked for \S+\/include-missing\/a\/missing\.yaml\)$/,
  },
  'include-env-missing': {
    reference: /^stat <include-fixtures>\/include-env-missing\/nope\.env: no such file or directory$/,
    ours: /^include env_file nope\.env does not exist \(looked for \S+\/include-env-missing\/nope\.env\)$/,
  },
};

export function compareWithReference(
  c: Case,
  ours: NormalisedCompose,
  reference: ReferenceResult,
  values: (model: ComposeModel) => unknown,
): void {
  const errors = ours.problems.filter((p) => p.severity === 'error');
  if (reference.status !== 0) {
    expect(ours.model, 'the reference refuses this file').toBeUndefined();
    // The reference's one error is among ours, word for word where it names the cause.
    const last = reference.messages[reference.messages.length - 1] ?? '';
    const same = SAME_MEANING[c.name];
    if (same) {
      expect(last).toMatch(same.reference);
      expect(errors.map((p) => p.message)).toContainEqual(expect.stringMatching(same.ours));
      return;
    }
    expect(errors.map((p) => p.message)).toContainEqual(
      expect.stringContaining(last.replace(/: invalid compose project$/, '')),
    );
    return;
  }
  expect(errors, 'the reference accepts this file').toEqual([]);
  const expected = values(reference.model!) as ComposeModel;
  for (const [name, service] of Object.entries(expected.services)) {
    for (const [key, value] of Object.entries(service)) {
      expect(ours.model?.services[name]?.[key], `services.${name}.${key}`).toEqual(value);
    }
  }
  expect(Object.keys(ours.model?.services ?? {}).sort(), 'services').toEqual(
    Object.keys(expected.services).sort(),
  );
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'services') continue;
    expect(ours.model?.[key], key).toEqual(value);
  }
  // The reference warns about every unset variable; so do we.
  for (const message of reference.messages) {
    const unset = /^The "(\w+)" variable is not set/.exec(message);
    if (unset) {
      expect(ours.problems.map((p) => p.message)).toContainEqual(
        expect.stringContaining(`variable ${unset[1]} is not set`),
      );
    }
  }
}
