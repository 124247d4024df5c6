// freee連携 as use cases see it: connections of a company to freee 事業所, store ↔ connection,
// statuses (seed 000 §2, spec posting.md) and the Japanese texts users see.
export type FreeeProvider = 'freee' | 'sandbox';

export type ConnectionStatus = 'connected' | 'expired' | 'error' | 'disconnected';

/** What a store shows: 0: 未連携 / 1: 連携済 / 2: 期限切れ / 3: エラー. */
export type StoreConnectionStatus = 'unconnected' | 'connected' | 'expired' | 'error';

export const storeStatusNumbers: Record<StoreConnectionStatus, number> = {
  unconnected: 0,
  connected: 1,
  expired: 2,
  error: 3,
};
export const storeStatusLabels: Record<StoreConnectionStatus, string> = {
  unconnected: '未連携',
  connected: '連携済',
  expired: '期限切れ',
  error: 'エラー',
};

export function storeStatusText(status: StoreConnectionStatus): string {
  return `${storeStatusNumbers[status]}: ${storeStatusLabels[status]}`;
}

export const freeeMessages = {
  /** Seed 000 FAQ: what users see when the refresh token is rejected. */
  tokenRefreshFailed: 'アクセストークンの取得に失敗しました',
  needsAdminRole:
    'freeeで取引を登録する権限がありません。連携したfreeeアカウントにfreeeの「管理者」権限を付与してから、もう一度連携してください。',
  userLacksPermission:
    'freeeのアクセス権限がありません。連携したfreeeアカウントにfreeeの「管理者」権限を付与してから、もう一度連携してください。',
  reauthorize: '連携解除をしたのち、もう一度連携設定を行ってください。',
} as const;

export interface FreeeConnection {
  id: string;
  companyId: string;
  provider: FreeeProvider;
  freeeCompanyId: number;
  freeeCompanyName: string;
  freeeUserId: number | null;
  status: ConnectionStatus;
  statusCode: string | null;
  statusMessage: string | null;
  statusChangedAt: Date;
  canWriteDeals: boolean | null;
  accessExpiresAt: Date | null;
  tokenGeneration: number;
  connectedAt: Date | null;
}

/** A token pair in clear text: only in memory, never logged; stored sealed. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

export interface StoreConnectionView {
  storeId: string;
  storeCode: string;
  storeName: string;
  status: StoreConnectionStatus;
  /** Japanese reason for 期限切れ / エラー. */
  message: string | null;
  connection: FreeeConnection | null;
}

export type AuthorizationStatus = 'started' | 'authorized' | 'registered' | 'failed' | 'cancelled';

export interface FreeeAuthorization {
  id: string;
  companyId: string;
  staffId: string | null;
  provider: FreeeProvider;
  redirectUri: string;
  status: AuthorizationStatus;
  failureCode: string | null;
  freeeCompanyId: number | null;
  createdAt: Date;
  expiresAt: Date;
}

/** The 事業所 a freee user can pick, with whether they may write deals there. */
export interface FreeeCompanyChoice {
  id: number;
  name: string;
  role: string;
  canWriteDeals: boolean | null;
}

/** Whether a store may post now; what posting code checks before calling freee. */
export function storeStatusOf(connection: FreeeConnection | null): {
  status: StoreConnectionStatus;
  message: string | null;
} {
  if (!connection || connection.status === 'disconnected')
    return { status: 'unconnected', message: null };
  if (connection.status === 'expired')
    return {
      status: 'expired',
      message: connection.statusMessage ?? freeeMessages.tokenRefreshFailed,
    };
  if (connection.status === 'error') return { status: 'error', message: connection.statusMessage };
  if (connection.canWriteDeals === false)
    return { status: 'error', message: freeeMessages.needsAdminRole };
  return { status: 'connected', message: null };
}

/** Where freee sends the browser back to (our console route). */
export const callbackPath = '/admin/settings/integrations/freee/callback';
