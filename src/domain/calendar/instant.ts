// Instants: ISO 8601 date-times WITH an offset (Z or ±hh:mm), as the register writes startedAt and
// completedAt. A date-time without an offset names no instant and is refused.
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an ISO instant with offset, or null when it is not one. */
export function instantMs(value: string): number | null {
  if (!instantPattern.test(value)) return null;
  const epochMs = Date.parse(value);
  return Number.isNaN(epochMs) ? null : epochMs;
}
