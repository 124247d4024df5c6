// What Uriage creates or updates in freee so postings find their masters (issue 11 item 6): the
// `【POS Reg】` 品目 per payment method, each store's 部門, the settlement 取引先. Where the company uses
// codes for a master (its synced records carry codes) a name freee does not have is upserted by
// Uriage's code — created, or the record with that code renamed; a record already carrying the name
// is used as it is (whatever its code). Otherwise names are looked up and created when missing.
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
    const named = records.find((r) => normal(r.name) === name);
    if (byCode) {
      const code = want.code as string;
      const found = records.find((r) => r.code === code);
      // A record already carrying the name (whatever its code) is the one chosen: used as it is.
      const used = named ?? (found && normal(found.name) === name ? found : undefined);
      actions.push(
        used
          ? { kind: 'none', want, key: used.key }
          : { kind: 'upsertByCode', want, code, existingKey: found?.key ?? null },
      );
      continue;
    }
    const found = named;
    actions.push(found ? { kind: 'none', want, key: found.key } : { kind: 'create', want });
  }
  return actions;
}
