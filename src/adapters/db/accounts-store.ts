// AccountsStore over PostgreSQL: staff_accounts and password_reset_tokens (drizzle-accounts/).
import type { AccountsStore } from '../../app/accounts/ports.js';
import type { Pool } from './pool.js';

export function accountsStoreOver(pool: Pool): AccountsStore {
  const upsert = (
    staffId: string,
    column: 'email' | 'must_change_password',
    value: unknown,
    now: Date,
  ) =>
    pool.query(
      `insert into staff_accounts (staff_id, ${column}, updated_at) values ($1, $2, $3)
       on conflict (staff_id) do update set ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      [staffId, value, now],
    );
  return {
    async findAccount(staffId) {
      const { rows } = await pool.query<{ email: string | null; must_change_password: boolean }>(
        'select email, must_change_password from staff_accounts where staff_id = $1',
        [staffId],
      );
      const row = rows[0];
      return { email: row?.email ?? null, mustChangePassword: row?.must_change_password ?? false };
    },
    async saveEmail(staffId, email, now) {
      await upsert(staffId, 'email', email, now);
    },
    async setMustChange(staffId, mustChange, now) {
      await upsert(staffId, 'must_change_password', mustChange, now);
    },
    async insertResetToken(staffId, tokenHash, expiresAt, now) {
      await pool.query(
        'update password_reset_tokens set used_at = $2 where staff_id = $1 and used_at is null',
        [staffId, now],
      );
      await pool.query(
        `insert into password_reset_tokens (token_hash, staff_id, expires_at, created_at)
         values ($1, $2, $3, $4)`,
        [tokenHash, staffId, expiresAt, now],
      );
    },
    async countResetTokensSince(staffId, since) {
      const { rows } = await pool.query<{ n: number }>(
        'select count(*)::int as n from password_reset_tokens where staff_id = $1 and created_at >= $2',
        [staffId, since],
      );
      return rows[0]?.n ?? 0;
    },
    async consumeResetToken(tokenHash, now) {
      const { rows } = await pool.query<{ staff_id: string }>(
        `update password_reset_tokens set used_at = $2
         where token_hash = $1 and used_at is null and expires_at > $2
         returning staff_id`,
        [tokenHash, now],
      );
      return rows[0]?.staff_id ?? null;
    },
    async resetTokenUsable(tokenHash, now) {
      const { rows } = await pool.query(
        'select 1 from password_reset_tokens where token_hash = $1 and used_at is null and expires_at > $2',
        [tokenHash, now],
      );
      return rows.length > 0;
    },
  };
}
