// The ref_number scope of a store in SQL (the same rule as domain/posting/entry-keys.ts
// refScopeOf): `<company code>.<store code>`, or the store code alone for a legacy store.
import type { Pool } from './pool.js';
export const refScopeSql = (store: string, company: string) =>
  `case when ${store}.legacy_ref_numbers then ${store}.code else ${company}.code || '.' || ${store}.code end`;

/** id, code, name and refScope of stores `s` (joined with their company `c`); add a where clause. */
export const storeRefSelect = `select s.id, s.code, s.name, ${refScopeSql('s', 'c')} as "refScope"
  from stores s join companies c on c.id = s.company_id`;

/**
 * Stores among `storeIds` (of company $1) whose ref_number scope another Uriage company already uses
 * in the freee 事業所 ($3 of provider $4): one of its stores connected there with the same scope, or
 * deals it posted there with ref_numbers of that scope.
 */
export async function refScopeCollisionsOver(
  pool: Pool,
  input: {
    companyId: string;
    storeIds: readonly string[];
    provider: string;
    freeeCompanyId: number;
  },
): Promise<{ storeCode: string; refScope: string }[]> {
  const { rows } = await pool.query<{ storeCode: string; refScope: string }>(
    `with mine as (
       select s.code, ${refScopeSql('s', 'c')} as scope
         from stores s join companies c on c.id = s.company_id
        where s.company_id = $1 and s.id = any($2::uuid[])
     ), theirs as (
       select ${refScopeSql('s', 'c')} as scope
         from freee_store_connections fsc
         join freee_connections fc on fc.id = fsc.connection_id
         join stores s on s.id = fsc.store_id
         join companies c on c.id = s.company_id
        where fsc.company_id <> $1 and fc.freee_company_id = $3 and fc.provider = $4
          and fc.status <> 'disconnected'
     )
     select m.code as "storeCode", m.scope as "refScope" from mine m
      where exists (select 1 from theirs t where t.scope = m.scope)
         or exists (select 1 from posted_deals d
                     where d.company_id <> $1 and d.freee_company_id = $3 and d.provider = $4
                       and left(d.ref_number, length(m.scope) + 5) = 'URG-' || m.scope || '-')
      order by m.code`,
    [input.companyId, [...input.storeIds], input.freeeCompanyId, input.provider],
  );
  return rows;
}
