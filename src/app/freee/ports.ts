// What freee連携 use cases need: storage (src/adapters/db/freee-store.ts, which seals secrets) and
// one gateway per provider (src/adapters/freee/gateway.ts: OAuth + the few account calls).
import type {
  ConnectionStatus,
  FreeeAuthorization,
  FreeeCompanyChoice,
  FreeeConnection,
  FreeeProvider,
  TokenPair,
} from './model.js';

export interface TokenSnapshot {
  connection: FreeeConnection;
  tokens: TokenPair | null;
  lease: { id: string; until: Date } | null;
}

export interface SaveConnectionInput {
  companyId: string;
  provider: FreeeProvider;
  freeeCompanyId: number;
  freeeCompanyName: string;
  freeeUserId: number | null;
  canWriteDeals: boolean;
  tokens: TokenPair;
  /** Stores that post to this connection from now on. */
  storeIds: readonly string[];
  /** Stores to take off this connection (連携しない). */
  releasedStoreIds: readonly string[];
}

export interface FreeeStore {
  listConnections(companyId: string): Promise<FreeeConnection[]>;
  /** Stores whose ref_number scope another Uriage company uses in this 事業所 (connected or posted). */
  refScopeCollisions(input: {
    companyId: string;
    storeIds: readonly string[];
    provider: FreeeProvider;
    freeeCompanyId: number;
  }): Promise<{ storeCode: string; refScope: string }[]>;
  findConnection(companyId: string, connectionId: string): Promise<FreeeConnection | null>;
  /** The connection store `storeId` of the company posts to (null = 未連携): one row, whatever the chain's size. */
  findStoreConnection(companyId: string, storeId: string): Promise<FreeeConnection | null>;
  /** Every store of the company with its connection (null = 未連携). */
  listStoreConnections(
    companyId: string,
  ): Promise<
    { storeId: string; storeCode: string; storeName: string; connection: FreeeConnection | null }[]
  >;
  /** One transaction: the connection for (company, provider, 事業所) gets this pair (generation +1, status by canWriteDeals), and the stores are mapped. */
  saveConnection(input: SaveConnectionInput, now: Date): Promise<FreeeConnection>;
  /** One transaction: stores unmapped, tokens wiped, status disconnected. Returns the pair it held (to revoke). */
  disconnect(companyId: string, connectionId: string, now: Date): Promise<TokenPair | null>;

  readTokens(companyId: string, connectionId: string): Promise<TokenSnapshot | null>;
  /** Conditional UPDATE: true when this caller now holds the refresh lease of that generation. */
  claimRefreshLease(
    connectionId: string,
    generation: number,
    leaseId: string,
    now: Date,
    until: Date,
  ): Promise<boolean>;
  /** Stores the new pair (generation +1, lease released) if the generation is still `generation`. */
  storeRefreshedTokens(
    companyId: string,
    connectionId: string,
    generation: number,
    tokens: TokenPair,
    now: Date,
  ): Promise<boolean>;
  releaseRefreshLease(connectionId: string, leaseId: string): Promise<void>;
  /** Status change, conditional on the generation when given (a reconnect in between wins). */
  markStatus(
    connectionId: string,
    input: {
      generation: number | null;
      status: ConnectionStatus;
      code: string | null;
      message: string | null;
    },
    now: Date,
  ): Promise<boolean>;

  insertAuthorization(
    input: {
      companyId: string;
      staffId: string | null;
      provider: FreeeProvider;
      redirectUri: string;
      stateHash: string;
      codeVerifier: string;
      expiresAt: Date;
    },
    now: Date,
  ): Promise<FreeeAuthorization>;
  findAuthorizationByState(
    stateHash: string,
  ): Promise<(FreeeAuthorization & { codeVerifier: string }) | null>;
  findAuthorization(companyId: string, authorizationId: string): Promise<FreeeAuthorization | null>;
  /** started → authorized with the token pair (conditional on status started). */
  recordAuthorized(
    companyId: string,
    authorizationId: string,
    input: { tokens: TokenPair; freeeCompanyId: number | null; expiresAt: Date },
  ): Promise<boolean>;
  readAuthorizedTokens(companyId: string, authorizationId: string): Promise<TokenPair | null>;
  /** authorized → registered (conditional): true once, for the one 登録 that uses the pair. */
  claimAuthorizedTokens(
    companyId: string,
    authorizationId: string,
    now: Date,
  ): Promise<TokenPair | null>;
  finishAuthorization(
    companyId: string,
    authorizationId: string,
    input: { status: 'failed' | 'cancelled'; failureCode: string | null },
    now: Date,
  ): Promise<void>;
  /** Deletes this company's finished or expired authorizations older than `before` (at most `rowsMax`). */
  purgeAuthorizations(companyId: string, before: Date, rowsMax: number): Promise<number>;
}

export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresInMs: number;
  /** company_id of the token reply (the 事業所 chosen on freee's page), when present. */
  freeeCompanyId: number | null;
}

export type TokenFailureKind =
  | 'invalid_grant'
  | 'invalid_client'
  | 'access_denied'
  | 'invalid_callback'
  | 'maintenance'
  | 'server'
  | 'network'
  | 'invalid_response';

export interface TokenFailure {
  kind: TokenFailureKind;
  /** English, for logs. */
  detail: string;
}

export type TokenOutcome = { ok: true; grant: TokenGrant } | { ok: false; failure: TokenFailure };

/** Kinds after which trying again later may work (nothing is wrong with the grant itself). */
export const transientTokenFailures: readonly TokenFailureKind[] = [
  'maintenance',
  'server',
  'network',
  'invalid_response',
];

export type AccountOutcome<T> =
  { ok: true; value: T } | { ok: false; kind: string; detail: string };

export interface FreeeUserAccount {
  userId: number;
  companies: FreeeCompanyChoice[];
}

export interface FreeeGateway {
  readonly provider: FreeeProvider;
  readonly redirectUri: string;
  /** A fresh state and PKCE verifier (S256), and the authorize URL with prompt=select_company. */
  beginAuthorization(): Promise<{ state: string; codeVerifier: string; authorizationUrl: string }>;
  /** Validates the callback (state, error) and exchanges the code with the verifier. */
  exchangeCode(input: {
    callbackUrl: string;
    expectedState: string;
    codeVerifier: string;
  }): Promise<TokenOutcome>;
  refresh(refreshToken: string): Promise<TokenOutcome>;
  /** RFC 7009 revocation; best effort. */
  revoke(token: string): Promise<boolean>;
  /** users/me with companies, and users/capabilities deals.create per company (bounded). */
  describeUser(accessToken: string): Promise<AccountOutcome<FreeeUserAccount>>;
  canWriteDeals(accessToken: string, freeeCompanyId: number): Promise<AccountOutcome<boolean>>;
}

export interface FreeeGateways {
  /** The provider new connections use (real freee when credentials are configured). */
  readonly defaultProvider: FreeeProvider;
  forProvider(provider: FreeeProvider): Promise<FreeeGateway>;
}
