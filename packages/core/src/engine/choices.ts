/**
 * The values of the `engine` input, apart from `select.ts`: every action validates its inputs before
 * it loads the engine classes (and @actions/exec behind them), so this list must not pull them in.
 */

/** Values the `engine` input accepts. */
export const ENGINE_CHOICES = ['auto', 'docker', 'podman'] as const;

/** A value of the `engine` input. */
export type EngineChoice = (typeof ENGINE_CHOICES)[number];
