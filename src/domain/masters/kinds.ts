// The seven freee masters Uriage imports (spec master-sync.md "Masters and modes"): their names on
// the CLI and in tables, Japanese labels, whether a differential run is possible, and paging.
export const masterNames = [
  'partners',
  'account_items',
  'tags',
  'taxes',
  'items',
  'sections',
  'segment_tags',
] as const;

export type MasterName = (typeof masterNames)[number];

export const masterLabels: Record<MasterName, string> = {
  partners: '取引先',
  account_items: '勘定科目',
  tags: 'メモタグ',
  taxes: '税区分',
  items: '品目',
  sections: '部門',
  segment_tags: 'セグメントタグ',
};

/** Masters freee can list by `start_update_date`; the others are always read in full. */
export const differentialMasters: readonly MasterName[] = ['partners', 'tags', 'items'];

/** freee's maximum `limit` per endpoint (API-NOTES §6); null = the endpoint has no paging. */
export const pageLimits: Record<MasterName, number | null> = {
  partners: 3000,
  account_items: null,
  tags: 3000,
  taxes: null,
  items: 3000,
  sections: null,
  segment_tags: 500,
};

/** Our own ceiling on a page walk (per endpoint, per segment): 200 pages × 3000 = 600,000 records. */
export const pagesMax = 200;

/** セグメント 1–3: a plan has none, 1, or all three (API-NOTES §3). */
export const segmentIds = [1, 2, 3] as const;

export function isMasterName(text: string): text is MasterName {
  return (masterNames as readonly string[]).includes(text);
}

export type SyncMode = 'full' | 'differential';

/** Full when asked, when the master has no differential, or when nothing was imported before. */
export function modeFor(
  master: MasterName,
  lastImportDate: string | null,
  forceFull: boolean,
): SyncMode {
  if (forceFull || lastImportDate === null) return 'full';
  return differentialMasters.includes(master) ? 'differential' : 'full';
}
