// Shared bits of the 会計一覧 and 閉局 pages: yen, times in the store's zone, status labels, the
// store-day picker.
import { businessDateIn } from '../../../domain/calendar/store-zone.js';
import { instantCell } from '../dates.js';
import type { CheckoutStatus } from '../../../domain/ledger/types.js';
import type { Store } from '../../../app/tenancy/model.js';

export const statusLabels: Record<CheckoutStatus, string> = {
  pending: '保留中',
  completed: '会計完了',
  cancelled: '取消',
  redone: 'やり直し',
  aborted: '入力中断',
};

export function yen(amount: number): string {
  return `${amount < 0 ? '-' : ''}¥${Math.abs(amount).toLocaleString('en-US')}`;
}

export function timeIn(timeZone: string, instant: Date | null): string {
  return instantCell(timeZone, instant);
}

/** Today's calendar date in the store's time zone (the default business date). */
export function todayIn(timeZone: string, now: Date): string {
  return businessDateIn(now, timeZone);
}

export const dayQuery = (storeCode: string, businessDate: string) =>
  `store=${encodeURIComponent(storeCode)}&date=${encodeURIComponent(businessDate)}`;

export function DayPicker(props: {
  action: string;
  stores: Store[];
  storeCode: string;
  businessDate: string;
  status?: string | undefined;
}) {
  return (
    <form class="card" method="get" action={props.action}>
      <label for="store">店舗</label>
      <select id="store" name="store">
        {props.stores.map((s) => (
          <option
            value={s.code}
            selected={s.code === props.storeCode}
          >{`${s.name}(${s.code})`}</option>
        ))}
      </select>
      <label for="date">営業日</label>
      <input id="date" name="date" type="date" value={props.businessDate} />
      {props.status !== undefined ? (
        <>
          <label for="status">状態</label>
          <select id="status" name="status">
            <option value="" selected={props.status === ''}>
              すべて
            </option>
            {(Object.keys(statusLabels) as CheckoutStatus[]).map((s) => (
              <option value={s} selected={s === props.status}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <p>
        <button type="submit">表示</button>
      </p>
    </form>
  );
}
