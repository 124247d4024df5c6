// 取引の送信設定 checked against the synced masters at save time (issue 11 item 7): a 勘定科目,
// 税区分 or 部門 that freee does not have, has archived (no longer returned) or marks unusable is an
// error on its field, in Japanese — not a day that fails at the next 閉局. A 品目 or 取引先 chosen by
// name must exist too (the defaults, left empty, are the ones posting creates). A master never
// imported (null) is not checked.
export interface SyncedName {
  name: string;
  archived: boolean;
  available: boolean | null;
}

export interface SyncedNames {
  accountItems: readonly SyncedName[] | null;
  taxes: readonly SyncedName[] | null;
  sections: readonly SyncedName[] | null;
  items: readonly SyncedName[] | null;
  partners: readonly SyncedName[] | null;
}

export interface MappingField {
  path: string;
  /** What the field is, in Japanese (e.g. 売上高の勘定科目). */
  label: string;
  value: string;
  master: keyof SyncedNames;
}

export interface MappingProblem {
  path: string;
  code: 'master_missing' | 'master_archived' | 'master_unavailable';
  message: string;
}

const masterLabels: Record<keyof SyncedNames, string> = {
  accountItems: '勘定科目',
  taxes: '税区分',
  sections: '部門',
  items: '品目',
  partners: '取引先',
};

const normal = (text: string) => text.normalize('NFKC').trim();

function problemOf(field: MappingField, names: SyncedNames): MappingProblem | null {
  const kind = masterLabels[field.master];
  const synced = names[field.master];
  if (synced === null) return null;
  const matches = synced.filter((n) => normal(n.name) === normal(field.value));
  const active = matches.filter((n) => !n.archived);
  if (matches.length === 0) {
    return {
      path: field.path,
      code: 'master_missing',
      message: `${field.label}「${field.value}」はfreeeの${kind}にありません。一覧から選んでください。`,
    };
  }
  if (active.length === 0)
    return {
      path: field.path,
      code: 'master_archived',
      message: `${field.label}「${field.value}」はfreeeで削除(アーカイブ)されています。一覧から選び直してください。`,
    };
  if (active.every((n) => n.available === false))
    return {
      path: field.path,
      code: 'master_unavailable',
      message: `${field.label}「${field.value}」はfreeeで使用しない設定になっています。一覧から選び直してください。`,
    };
  return null;
}

export function mappingProblems(
  fields: readonly MappingField[],
  names: SyncedNames,
): MappingProblem[] {
  return fields.map((f) => problemOf(f, names)).filter((p): p is MappingProblem => p !== null);
}
