/** The comparison both differential tests make, with the deliberate differences written down. */
import { expect } from 'vitest';
import type { ComposeModel, NormalisedCompose } from '../../../src/stack/compose/model.js';
import type { Case, ReferenceResult } from './reference.js';

/**
 * Deliberate differences: the reference applies `include`; we report it as not supported yet
 * rather than get it wrong.
 */
const NOT_SUPPORTED: Record<string, RegExp> = { include: /`include` is not supported yet/ };

export function compareWithReference(
  c: Case,
  ours: NormalisedCompose,
  reference: ReferenceResult,
  values: (model: ComposeModel) => unknown,
): void {
  const errors = ours.problems.filter((p) => p.severity === 'error');
  const unsupported = NOT_SUPPORTED[c.name];
  if (unsupported) {
    expect(ours.model).toBeUndefined();
    expect(errors.map((p) => p.message).join('\n')).toMatch(unsupported);
    return;
  }
  if (reference.status !== 0) {
    expect(ours.model, 'the reference refuses this file').toBeUndefined();
    // The reference's one error is among ours, word for word where it names the cause.
    const last = reference.messages[reference.messages.length - 1] ?? '';
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
