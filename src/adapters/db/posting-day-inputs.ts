// What a posting run reads before it calls freee (PostingSources.dayInputs): the store-day's latest
// close, the company's payment methods, store codes and posting settings — one statement, one round
// trip, instead of four (docs/posting.md "Reads of a run").
import type { PaymentMethod } from '../../domain/ledger/types.js';
import type { DayInputs, LatestClose } from '../../app/posting/ports.js';
import type { Pool } from './pool.js';

const dayInputsSql = `select
   (select json_build_object('version', d.version, 'report', d.report) from day_closes d
     where d.store_id = $2 and d.business_date = $3::date and d.company_id = $1
     order by d.version desc limit 1) as close,
   (select coalesce(json_agg(json_build_object('code', m.code, 'name', m.name, 'kind', m.kind,
            'givesChange', m.gives_change, 'settlement', m.settlement) order by m.sort_order, m.code), '[]')
      from payment_methods m where m.company_id = $1) as methods,
   (select coalesce(json_agg(s.code order by s.code), '[]') from stores s where s.company_id = $1) as store_codes,
   (select p.settings from posting_settings p where p.company_id = $1) as settings`;

export function dayInputsOver(
  pool: Pool,
): (companyId: string, storeId: string, businessDate: string) => Promise<DayInputs> {
  return async (companyId, storeId, businessDate) => {
    const { rows } = await pool.query<{
      close: LatestClose | null;
      methods: PaymentMethod[];
      store_codes: string[];
      settings: unknown;
    }>(dayInputsSql, [companyId, storeId, businessDate]);
    const row = rows[0];
    if (!row) throw new Error('dayInputs: a select without from returns one row');
    return {
      close: row.close,
      methods: row.methods,
      storeCodes: row.store_codes,
      settings: row.settings ?? null,
    };
  };
}
