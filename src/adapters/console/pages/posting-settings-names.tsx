// The freee name fields of 取引の送信設定: a select list of the synced masters (code and name) with a
// search box (/static/master-select.js; the CSP forbids inline scripts), or a text input before any
// マスター同期 (with suggestions past selectOptionsMax records). A value not among the usable records
// stays selected, marked (freeeにありません / freeeで削除済), so a refused form keeps it.
import { CsrfField } from '../layout.js';
import type { StaffPrincipal } from '../session.js';

/** One synced freee record offered in a list. */
export interface MasterOption {
  code: string | null;
  name: string;
  archived: boolean;
  available: boolean | null;
}

/** The synced masters the form picks from; null = never synced (names are typed). */
export type MasterOptions = Record<
  'accountItems' | 'taxes' | 'items' | 'partners' | 'sections',
  MasterOption[]
> | null;

/** A master with more records than this is typed (with suggestions) instead of a select list. */
export const selectOptionsMax = 2_000;

/** The search box of each select list (CSP: no inline scripts). */
export const masterSelectScript = `document.addEventListener('input', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.filterFor) return;
  const select = document.getElementById(box.dataset.filterFor);
  if (!(select instanceof HTMLSelectElement)) return;
  const query = box.value.normalize('NFKC').trim().toLowerCase();
  let first = null;
  for (const option of select.options) {
    const hit = query === '' || option.text.normalize('NFKC').toLowerCase().includes(query);
    option.hidden = !hit;
    if (hit && first === null) first = option;
  }
  const current = select.selectedOptions[0];
  if (first !== null && (current === undefined || current.hidden)) select.value = first.value;
});
document.addEventListener('keydown', (event) => {
  const box = event.target;
  if (event.key === 'Enter' && box instanceof HTMLInputElement && box.dataset.filterFor) event.preventDefault();
});
`;

const optionText = (o: MasterOption) => (o.code ? `${o.code} ${o.name}` : o.name);
const sameName = (a: string, b: string) =>
  a.normalize('NFKC').trim() === b.normalize('NFKC').trim();

/** A freee name: a select list of the synced records with a search box, or a text input. */
export function NameField(props: {
  id: string;
  value: string;
  label: string;
  options: MasterOption[] | null;
  /** The empty choice of an optional field (e.g. 既定 / 部門なし); absent = a name is required. */
  empty?: string;
  placeholder?: string;
}) {
  const { id, value, options } = props;
  if (options === null || options.length > selectOptionsMax) {
    const listId = options === null ? undefined : `${id}.list`;
    return (
      <span>
        <input
          id={id}
          name={id}
          value={value}
          placeholder={props.placeholder}
          list={listId}
          style="min-width:180px"
        />
        {listId && options ? (
          <datalist id={listId}>
            {options
              .filter((o) => !o.archived && o.available !== false)
              .map((o) => (
                <option value={o.name}>{optionText(o)}</option>
              ))}
          </datalist>
        ) : null}
      </span>
    );
  }
  const usable = options.filter((o) => !o.archived && o.available !== false);
  const known = options.find((o) => sameName(o.name, value));
  const chosenUsable = usable.some((o) => sameName(o.name, value));
  const stale =
    value.trim() === '' || chosenUsable
      ? null
      : `${value}(${known === undefined ? 'freeeにありません' : known.archived ? 'freeeで削除済' : 'freeeで使用しない'})`;
  return (
    <span class="master-pick">
      <input
        type="search"
        data-filter-for={id}
        aria-label={`${props.label}を検索`}
        placeholder="コード・名前で検索"
        style="min-width:0;width:9em"
      />{' '}
      <select id={id} name={id} aria-label={props.label} style="min-width:160px;max-width:300px">
        {props.empty !== undefined ? (
          <option value="" selected={value.trim() === ''}>
            {props.empty}
          </option>
        ) : null}
        {stale !== null ? (
          <option value={value} selected>
            {stale}
          </option>
        ) : null}
        {usable.map((o) => (
          <option value={o.name} selected={chosenUsable && sameName(o.name, value)}>
            {optionText(o)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Before any マスター同期: names are typed; 今すぐ同期 fills the lists. */
export function NotSynced(props: { principal: StaffPrincipal }) {
  return (
    <div class="notice" role="status" id="masters-not-synced">
      freeeのマスター(勘定科目・税区分・品目・取引先・部門)がまだ同期されていません。同期すると一覧から選べるようになり、保存時にfreeeにある名前か確かめます。それまでは名前を直接入力できます(確認は送信時になります)。
      <form method="post" action="/admin/settings/masters/sync" style="margin-top:8px">
        <CsrfField principal={props.principal} />
        <input type="hidden" name="back" value="posting" />
        <button type="submit" id="masters-sync-now">
          今すぐ同期
        </button>
      </form>
    </div>
  );
}

/** 品目・部門・取引先 created or updated in freee (masters push). */
export function PushMasters(props: { principal: StaffPrincipal; action: string }) {
  return (
    <form class="card" method="post" action={props.action} id="masters-push">
      <CsrfField principal={props.principal} />
      <p>
        支払い方法ごとの品目(【POS
        Reg】…)・店舗の部門・入金元の取引先をfreeeに登録します(コードを使う事業所ではコードで作成・更新、それ以外は名前で無ければ作成)。
      </p>
      <button type="submit">freeeに品目・部門・取引先を登録</button>
    </form>
  );
}
