// The connection flow of seed 000 §2-1: 連携開始 → freee (login, 事業所, 許可する) → back here →
// choose the 事業所 and the stores → 登録 → 1: 連携済. Also 連携解除 and the status list.
// Intent is recorded before each outside call (the authorization row); no transaction is open
// while freee is called.
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { AppError, notFound, validationError } from '../errors.js';
import { tokenPairOf } from './access-token.js';
import {
  freeeMessages,
  storeStatusOf,
  type FreeeAuthorization,
  type FreeeCompanyChoice,
  type FreeeConnection,
  type FreeeProvider,
  type StoreConnectionView,
} from './model.js';
import type { FreeeGateways, FreeeStore, TokenFailureKind } from './ports.js';

export interface ConnectDeps {
  store: FreeeStore;
  gateways: FreeeGateways;
  clock: Clock;
}

/** freee: authorization codes live 10 minutes; the whole round trip gets the same. */
export const authorizationStartLifetimeMs = 10 * 60_000;
/** Between 許可する and 登録 the pair waits this long in the authorization row. */
export const authorizationChoiceLifetimeMs = 30 * 60_000;
/** users/capabilities calls on the choice page (one per 事業所). */
export const companyChoicesMax = 20;
const finishedAuthorizationsKeptMs = 24 * 60 * 60_000;
const purgeRowsMax = 100;

export function stateHashOf(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

export async function listStoreStatuses(
  deps: Pick<ConnectDeps, 'store'>,
  companyId: string,
): Promise<StoreConnectionView[]> {
  const rows = await deps.store.listStoreConnections(companyId);
  return rows.map((row) => ({ ...row, ...storeStatusOf(row.connection) }));
}

/** 連携開始: records the state and PKCE verifier, returns freee's authorize URL to redirect to. */
export async function startAuthorization(
  deps: ConnectDeps,
  input: { companyId: string; staffId: string | null; provider?: FreeeProvider },
): Promise<{ authorizationUrl: string; authorizationId: string }> {
  const now = deps.clock.now();
  await deps.store.purgeAuthorizations(
    input.companyId,
    new Date(now.getTime() - finishedAuthorizationsKeptMs),
    purgeRowsMax,
  );
  const gateway = await deps.gateways.forProvider(input.provider ?? deps.gateways.defaultProvider);
  const begun = await gateway.beginAuthorization();
  const authorization = await deps.store.insertAuthorization(
    {
      companyId: input.companyId,
      staffId: input.staffId,
      provider: gateway.provider,
      redirectUri: gateway.redirectUri,
      stateHash: stateHashOf(begun.state),
      codeVerifier: begun.codeVerifier,
      expiresAt: new Date(now.getTime() + authorizationStartLifetimeMs),
    },
    now,
  );
  return { authorizationUrl: begun.authorizationUrl, authorizationId: authorization.id };
}

const failureMessages: Partial<Record<TokenFailureKind, string>> = {
  access_denied:
    'freeeでの連携が許可されませんでした。もう一度「連携開始」からやり直してください。',
  invalid_grant: '認可コードが無効か期限切れです。もう一度「連携開始」からやり直してください。',
  invalid_client:
    'freeeアプリの設定(クライアントID・シークレット・リダイレクトURL)が正しくありません。',
};

function callbackFailure(kind: TokenFailureKind): AppError {
  const message =
    failureMessages[kind] ??
    'freeeに接続できませんでした。しばらくしてから「連携開始」からやり直してください。';
  return new AppError(
    'validation',
    `freee_authorization_${kind}`,
    message,
    [],
    `freee callback failed: ${kind}`,
  );
}

/**
 * The callback: the state must be one this company started (and not used or expired); the code is
 * exchanged with the verifier; the pair waits in the authorization row until 登録.
 */
export async function completeAuthorization(
  deps: ConnectDeps,
  input: { companyId: string; callbackUrl: string },
): Promise<FreeeAuthorization> {
  const state = new URL(input.callbackUrl).searchParams.get('state') ?? '';
  const found = state ? await deps.store.findAuthorizationByState(stateHashOf(state)) : null;
  const now = deps.clock.now();
  if (!found || found.companyId !== input.companyId) {
    throw new AppError(
      'validation',
      'freee_authorization_unknown',
      'この連携リクエストは無効です。もう一度「連携開始」からやり直してください。',
      [],
      'unknown or foreign OAuth state',
    );
  }
  if (found.status !== 'started' || found.expiresAt.getTime() <= now.getTime()) {
    throw new AppError(
      'validation',
      'freee_authorization_expired',
      '連携リクエストの有効期限が切れたか、使用済みです。もう一度「連携開始」からやり直してください。',
      [],
      `authorization ${found.id} is ${found.status}`,
    );
  }
  const gateway = await deps.gateways.forProvider(found.provider);
  const outcome = await gateway.exchangeCode({
    callbackUrl: input.callbackUrl,
    expectedState: state,
    codeVerifier: found.codeVerifier,
  });
  if (!outcome.ok) {
    await deps.store.finishAuthorization(
      input.companyId,
      found.id,
      { status: 'failed', failureCode: outcome.failure.kind },
      deps.clock.now(),
    );
    throw callbackFailure(outcome.failure.kind);
  }
  const after = deps.clock.now();
  const recorded = await deps.store.recordAuthorized(input.companyId, found.id, {
    tokens: tokenPairOf(outcome.grant, after),
    freeeCompanyId: outcome.grant.freeeCompanyId,
    expiresAt: new Date(after.getTime() + authorizationChoiceLifetimeMs),
  });
  if (!recorded) {
    await gateway.revoke(outcome.grant.refreshToken);
    throw new AppError(
      'conflict',
      'freee_authorization_used',
      'この連携リクエストは使用済みです。',
      [],
      `authorization ${found.id} changed during the exchange`,
    );
  }
  return { ...found, status: 'authorized', freeeCompanyId: outcome.grant.freeeCompanyId };
}

async function authorizedOrThrow(
  deps: ConnectDeps,
  companyId: string,
  authorizationId: string,
): Promise<FreeeAuthorization> {
  const authorization = await deps.store.findAuthorization(companyId, authorizationId);
  if (!authorization) throw notFound('freee authorization', '連携リクエストが見つかりません。');
  if (
    authorization.status !== 'authorized' ||
    authorization.expiresAt.getTime() <= deps.clock.now().getTime()
  ) {
    throw new AppError(
      'validation',
      'freee_authorization_expired',
      '連携リクエストの有効期限が切れたか、登録済みです。もう一度「連携開始」からやり直してください。',
    );
  }
  return authorization;
}

export interface AuthorizationChoices {
  authorization: FreeeAuthorization;
  companies: FreeeCompanyChoice[];
  stores: StoreConnectionView[];
}

/** What the choice page shows: the freee user's 事業所 (with deal rights) and the stores. */
export async function authorizationChoices(
  deps: ConnectDeps,
  companyId: string,
  authorizationId: string,
): Promise<AuthorizationChoices> {
  const authorization = await authorizedOrThrow(deps, companyId, authorizationId);
  const tokens = await deps.store.readAuthorizedTokens(companyId, authorizationId);
  if (!tokens) throw notFound('freee authorization tokens', '連携リクエストが見つかりません。');
  const gateway = await deps.gateways.forProvider(authorization.provider);
  const account = await gateway.describeUser(tokens.accessToken);
  if (!account.ok) throw accountFailure(account.kind);
  const companies = account.value.companies.slice(0, companyChoicesMax);
  for (const choice of companies) {
    const rights = await gateway.canWriteDeals(tokens.accessToken, choice.id);
    choice.canWriteDeals = rights.ok ? rights.value : null;
  }
  return { authorization, companies, stores: await listStoreStatuses(deps, companyId) };
}

function accountFailure(kind: string): AppError {
  if (kind === 'user_do_not_have_permission')
    return new AppError(
      'forbidden',
      'freee_user_do_not_have_permission',
      freeeMessages.userLacksPermission,
    );
  return new AppError(
    'unavailable',
    `freee_${kind}`,
    'freeeから事業所の情報を取得できませんでした。しばらくしてから再度お試しください。',
    [],
    `freee account call failed: ${kind}`,
  );
}

export interface RegisterInput {
  companyId: string;
  authorizationId: string;
  freeeCompanyId: number;
  /** Stores to connect to this 事業所; the company's other stores on it are released (連携しない). */
  storeIds: readonly string[];
}

function checkStoreIds(
  storeIds: readonly string[],
  storeRows: readonly { storeId: string }[],
): void {
  const known = new Set(storeRows.map((s) => s.storeId));
  const fields = storeIds
    .filter((id) => !known.has(id))
    .map((id) => ({
      path: 'storeIds',
      code: 'unknown_store',
      message: `店舗が見つかりません: ${id}`,
    }));
  if (storeIds.length === 0)
    fields.push({
      path: 'storeIds',
      code: 'required',
      message: '連携する店舗を選択してください。',
    });
  if (fields.length > 0) throw validationError(fields);
}

/** 登録: checks the 事業所 and the user's deal rights, then stores the connection and the mapping. */
export async function registerAuthorization(
  deps: ConnectDeps,
  input: RegisterInput,
): Promise<FreeeConnection> {
  const authorization = await authorizedOrThrow(deps, input.companyId, input.authorizationId);
  const storeRows = await deps.store.listStoreConnections(input.companyId);
  checkStoreIds(input.storeIds, storeRows);
  const tokens = await deps.store.readAuthorizedTokens(input.companyId, input.authorizationId);
  if (!tokens) throw notFound('freee authorization tokens', '連携リクエストが見つかりません。');
  const gateway = await deps.gateways.forProvider(authorization.provider);
  const account = await gateway.describeUser(tokens.accessToken);
  if (!account.ok) throw accountFailure(account.kind);
  const chosen = account.value.companies.find((c) => c.id === input.freeeCompanyId);
  if (!chosen)
    throw validationError([
      {
        path: 'freeeCompanyId',
        code: 'unknown_company',
        message: 'freeeの事業所を選択してください。',
      },
    ]);
  const rights = await gateway.canWriteDeals(tokens.accessToken, chosen.id);
  if (!rights.ok) throw accountFailure(rights.kind);
  await refuseRefScopeCollisions(deps, input, authorization.provider);
  const claimed = await deps.store.claimAuthorizedTokens(
    input.companyId,
    input.authorizationId,
    deps.clock.now(),
  );
  if (!claimed)
    throw new AppError(
      'conflict',
      'freee_authorization_used',
      'この連携リクエストは登録済みです。',
    );
  const released = storeRows.filter(
    (s) =>
      s.connection &&
      s.connection.provider === authorization.provider &&
      s.connection.freeeCompanyId === chosen.id &&
      !input.storeIds.includes(s.storeId),
  );
  return deps.store.saveConnection(
    {
      companyId: input.companyId,
      provider: authorization.provider,
      freeeCompanyId: chosen.id,
      freeeCompanyName: chosen.name,
      freeeUserId: account.value.userId,
      canWriteDeals: rights.value,
      tokens: claimed,
      storeIds: input.storeIds,
      releasedStoreIds: released.map((s) => s.storeId),
    },
    deps.clock.now(),
  );
}

export async function cancelAuthorization(
  deps: ConnectDeps,
  companyId: string,
  authorizationId: string,
): Promise<void> {
  const authorization = await deps.store.findAuthorization(companyId, authorizationId);
  if (!authorization) throw notFound('freee authorization', '連携リクエストが見つかりません。');
  const tokens =
    authorization.status === 'authorized'
      ? await deps.store.readAuthorizedTokens(companyId, authorizationId)
      : null;
  await deps.store.finishAuthorization(
    companyId,
    authorizationId,
    { status: 'cancelled', failureCode: null },
    deps.clock.now(),
  );
  if (tokens)
    await (await deps.gateways.forProvider(authorization.provider)).revoke(tokens.refreshToken);
}

/** 連携解除: the stores become 未連携 and the pair is revoked at freee (after the transaction). */
export async function disconnectConnection(
  deps: ConnectDeps,
  companyId: string,
  connectionId: string,
): Promise<void> {
  const connection = await deps.store.findConnection(companyId, connectionId);
  if (!connection) throw notFound('freee connection', 'freee連携が見つかりません。');
  const tokens = await deps.store.disconnect(companyId, connectionId, deps.clock.now());
  if (tokens)
    await (await deps.gateways.forProvider(connection.provider)).revoke(tokens.refreshToken);
}

/**
 * 登録 refuses stores whose freee ref_numbers another Uriage company already uses in the 事業所
 * (issue #10 item 2): a look-up after an unclear failure would adopt the other company's deals.
 */
async function refuseRefScopeCollisions(
  deps: ConnectDeps,
  input: RegisterInput,
  provider: FreeeProvider,
): Promise<void> {
  const collisions = await deps.store.refScopeCollisions({
    companyId: input.companyId,
    storeIds: input.storeIds,
    provider,
    freeeCompanyId: input.freeeCompanyId,
  });
  if (collisions.length === 0) return;
  throw new AppError(
    'conflict',
    'freee_ref_number_collision',
    `店舗コード「${collisions.map((c) => c.storeCode).join('」「')}」の取引は、この事業所で別の企業の取引と管理番号が重なります。別の事業所を選ぶか、店舗コードを変えてから登録してください。`,
    [],
    `ref_number scopes ${collisions.map((c) => c.refScope).join(', ')} are used by another company in freee company ${input.freeeCompanyId}`,
  );
}
