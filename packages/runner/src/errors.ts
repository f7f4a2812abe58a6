/** The message of a thrown value, whether it is an Error or not. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
