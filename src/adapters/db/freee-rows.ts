// Rows of the freee tables → the app's freee model, and the small guards the freee store shares.
import type {
  AuthorizationStatus,
  ConnectionStatus,
  FreeeAuthorization,
  FreeeConnection,
  FreeeProvider,
} from '../../app/freee/model.js';
import type { freeeAuthorizations, freeeConnections } from './schema/index.js';

export type ConnectionRow = typeof freeeConnections.$inferSelect;
export type AuthorizationRow = typeof freeeAuthorizations.$inferSelect;

export const toConnection = (r: ConnectionRow): FreeeConnection => ({
  id: r.id,
  companyId: r.companyId,
  provider: r.provider as FreeeProvider,
  freeeCompanyId: r.freeeCompanyId,
  freeeCompanyName: r.freeeCompanyName,
  freeeUserId: r.freeeUserId,
  status: r.status as ConnectionStatus,
  statusCode: r.statusCode,
  statusMessage: r.statusMessage,
  statusChangedAt: r.statusChangedAt,
  canWriteDeals: r.canWriteDeals,
  accessExpiresAt: r.accessExpiresAt,
  tokenGeneration: r.tokenGeneration,
  connectedAt: r.connectedAt,
});

export const toAuthorization = (r: AuthorizationRow): FreeeAuthorization => ({
  id: r.id,
  companyId: r.companyId,
  staffId: r.staffId,
  provider: r.provider as FreeeProvider,
  redirectUri: r.redirectUri,
  status: r.status as AuthorizationStatus,
  failureCode: r.failureCode,
  freeeCompanyId: r.freeeCompanyId,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs: anything that is not a uuid matches nothing (instead of a database error). */
export const isUuid = (id: string) => uuidPattern.test(id);

export function one<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('expected one row, got none');
  return row;
}
