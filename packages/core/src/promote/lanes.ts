/**
 * The lanes promotion can require, apart from `decide.ts`: promote-digest validates its `require`
 * input before the evidence verifier and registry client behind `decide.ts` are loaded.
 */

/** Lanes promote-digest can require (promotion evidence is what it writes, not what it requires). */
export const REQUIRABLE_LANES = ['source', 'integration', 'e2e'] as const;

/** A lane promote-digest can require. */
export type RequirableLane = (typeof REQUIRABLE_LANES)[number];
