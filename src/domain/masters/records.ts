// A master record as Uriage keeps it, whatever freee endpoint it came from: a key unique within
// its master (freee's id; a tax's code; a segment tag's `<segment>:<id>`), code, name, availability.
export interface MasterRecord {
  key: string;
  code: string | null;
  name: string;
  available: boolean | null;
  updateDate: string | null;
  /** freee's record as it came (shown in `masters show` and kept for later use). */
  data: Record<string, unknown>;
}

/** The last occurrence of each key wins (a boundary-day record read twice is stored once). */
export function dedupeByKey(records: readonly MasterRecord[]): MasterRecord[] {
  const byKey = new Map<string, MasterRecord>();
  for (const record of records) byKey.set(record.key, record);
  return [...byKey.values()];
}

/** Keys stored but not returned by a full read: freee deleted or archived them. */
export function disappearedKeys(
  stored: readonly string[],
  returned: ReadonlySet<string>,
): string[] {
  return stored.filter((key) => !returned.has(key));
}
