// What the connected books hold for a store-day (`uriage deals`, GET …/days/{date}/deals): freee's
// deals of the 発生日 that carry this store-day's ref_numbers, as freee returns them.
import { isBusinessDate } from '../../domain/calendar/business-date.js';
import { keyOfRefNumber } from '../../domain/posting/entry-keys.js';
import type { HeldDeal } from '../../domain/posting/held-deals.js';
import { AppError, notFound } from '../errors.js';
import { freeeMessages } from '../freee/model.js';
import type { PostingConnections, PostingSources } from './ports.js';
import { postingMessages } from './model.js';

export interface HeldDealsDeps {
  sources: PostingSources;
  connections: PostingConnections;
}

export async function heldDealsOfDay(
  deps: HeldDealsDeps,
  companyId: string,
  storeCode: string,
  businessDate: string,
): Promise<{ freeeCompanyId: number; provider: 'freee' | 'sandbox'; deals: HeldDeal[] }> {
  if (!isBusinessDate(businessDate))
    throw new AppError(
      'validation',
      'validation_failed',
      '営業日はYYYY-MM-DD形式で指定してください。',
      [
        {
          path: 'date',
          code: 'business_date_invalid',
          message: '営業日はYYYY-MM-DD形式で指定してください。',
        },
      ],
    );
  const store = await deps.sources.findStore(companyId, storeCode);
  if (!store) throw notFound('store', `店舗コード「${storeCode}」の店舗が見つかりません。`);
  const freee = await deps.connections.forStore(companyId, store.id);
  if (freee.kind === 'unconnected')
    throw new AppError('conflict', 'freee_not_connected', postingMessages.notConnected);
  if (freee.kind === 'unusable')
    throw new AppError(
      'conflict',
      `freee_connection_${freee.status}`,
      freee.status === 'expired' ? postingMessages.tokenExpired : freee.message,
    );
  const listed = await freee.gateway.listDeals(businessDate);
  if (!listed.ok) {
    const message =
      listed.failure.kind === 'user_do_not_have_permission'
        ? freeeMessages.userLacksPermission
        : `freeeの取引を取得できませんでした(${listed.failure.kind})。${listed.failure.messages.join(' ')}`;
    throw new AppError(
      'unavailable',
      'freee_unavailable',
      message,
      [],
      `freee deals.list failed: ${listed.failure.kind}`,
    );
  }
  const deals = listed.value
    .filter((deal) => keyOfRefNumber(store.refScope, businessDate, deal.ref_number) !== null)
    .sort((a, b) => (a.ref_number ?? '').localeCompare(b.ref_number ?? '') || a.id - b.id);
  return { freeeCompanyId: freee.gateway.freeeCompanyId, provider: freee.gateway.provider, deals };
}
