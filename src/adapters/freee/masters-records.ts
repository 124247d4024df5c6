// freee's master records (API-NOTES §6 shapes) → MasterRecord: the key, code and name Uriage keeps,
// and the reason a record cannot be kept (no id, no name).
import type { MasterName } from '../../domain/masters/kinds.js';
import type { MasterRecord } from '../../domain/masters/records.js';

type Raw = Record<string, unknown>;

/** The list property of each endpoint's answer. */
export const listKeys: Record<MasterName, string> = {
  partners: 'partners',
  account_items: 'account_items',
  tags: 'tags',
  taxes: 'taxes',
  items: 'items',
  sections: 'sections',
  segment_tags: 'segment_tags',
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : null;

function keyOf(master: MasterName, raw: Raw, segmentId: number | undefined): string | null {
  if (master === 'taxes') return typeof raw.code === 'number' ? String(raw.code) : null;
  if (typeof raw.id !== 'number') return null;
  return master === 'segment_tags' ? `${segmentId ?? 0}:${raw.id}` : String(raw.id);
}

function codeOf(master: MasterName, raw: Raw): string | null {
  if (master === 'taxes') return text(raw.code);
  if (master === 'account_items') return text(raw.code) ?? text(raw.shortcut_num);
  return text(raw.code);
}

export function toMasterRecords(
  master: MasterName,
  list: readonly unknown[],
  segmentId?: number,
): { records: MasterRecord[]; invalid: string[] } {
  const records: MasterRecord[] = [];
  const invalid: string[] = [];
  for (const entry of list) {
    const raw = (entry !== null && typeof entry === 'object' ? entry : {}) as Raw;
    const key = keyOf(master, raw, segmentId);
    const name = text(master === 'taxes' ? (raw.name_ja ?? raw.name) : raw.name);
    if (key === null || name === null) {
      invalid.push(
        `ID ${String(raw.id ?? raw.code ?? '不明')}: IDまたは名前がないため取り込めませんでした。`,
      );
      continue;
    }
    records.push({
      key,
      code: codeOf(master, raw),
      name,
      available: typeof raw.available === 'boolean' ? raw.available : null,
      updateDate: typeof raw.update_date === 'string' ? raw.update_date : null,
      data: segmentId === undefined ? raw : { ...raw, segment_id: segmentId },
    });
  }
  return { records, invalid };
}
