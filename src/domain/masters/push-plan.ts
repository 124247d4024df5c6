// What Uriage creates or updates in freee so postings find their masters (issue 11 item 6): the
// `【POS Reg】` 品目 per payment method, each store's 部門, the settlement 取引先. Where the company uses
// codes for a master (its synced records carry codes) the record is upserted by code — created, or
// renamed when freee's name differs; otherwise it is looked up by name and created when missing.
// Only name and code are ever sent (empty values are not sent).
export type PushMaster = 'items' | 'sections' | 'partners';

export interface WantedRecord {
  master: PushMaster;
  name: string;
  /** Uriage's code for it (payment method or store code); used only where the company uses codes. */
  code: string | null;
  /** What it is for, in Japanese (e.g. 支払い方法「クレジット」の品目). */
  label: string;
}

export interface KnownRecord {
  key: string;
  code: string | null;
  name: string;
  archived: boolean;
}

export type PushAction =
  | { kind: 'upsertByCode'; want: WantedRecord; code: string; existingKey: string | null }
  | { kind: 'create'; want: WantedRecord }
  | { kind: 'none'; want: WantedRecord; key: string };

const normal = (text: string) => text.normalize('NFKC').trim();

/** A master uses codes when any synced record of it has one (freee omits them otherwise). */
export function usesCodes(known: readonly KnownRecord[]): boolean {
  return known.some((r) => r.code !== null && r.code !== '');
}

export function pushPlan(
  wanted: readonly WantedRecord[],
  known: Readonly<Record<PushMaster, readonly KnownRecord[]>>,
): PushAction[] {
  const seen = new Set<string>();
  const actions: PushAction[] = [];
  for (const want of wanted) {
    const name = normal(want.name);
    if (name === '') continue;
    const records = known[want.master].filter((r) => !r.archived);
    const byCode = usesCodes(known[want.master]) && want.code !== null && want.code !== '';
    const identity = `${want.master}\u0000${byCode ? `c:${want.code}` : `n:${name}`}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    if (byCode) {
      const code = want.code as string;
      const found = records.find((r) => r.code === code);
      actions.push(
        found && normal(found.name) === name
          ? { kind: 'none', want, key: found.key }
          : { kind: 'upsertByCode', want, code, existingKey: found?.key ?? null },
      );
      continue;
    }
    const found = records.find((r) => normal(r.name) === name);
    actions.push(found ? { kind: 'none', want, key: found.key } : { kind: 'create', want });
  }
  return actions;
}
