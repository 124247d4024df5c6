// Read models of posting for the console and the CLI: stores, payment methods, closed days.
import type { PostingSources } from './ports.js';

export type PostingQueries = Pick<
  PostingSources,
  'findStore' | 'listStores' | 'paymentMethods' | 'closedDates'
>;

export function postingQueries(sources: PostingSources): PostingQueries {
  return Object.freeze({
    findStore: (companyId, storeCode) => sources.findStore(companyId, storeCode),
    listStores: (companyId) => sources.listStores(companyId),
    paymentMethods: (companyId) => sources.paymentMethods(companyId),
    closedDates: (...args) => sources.closedDates(...args),
  } satisfies PostingQueries);
}
