// Connects stores to a new sandbox 事業所 without a browser (CLI `uriage connect --sandbox`, the
// demo): the same flow as the console — state + PKCE, the sandbox's consent page answered with
// 許可する, the callback, 登録 — with this process's HTTP client playing the user.
import {
  completeAuthorization,
  registerAuthorization,
  startAuthorization,
} from '../app/freee/connect.js';
import type { FreeeConnection } from '../app/freee/model.js';
import type { SandboxConnectInput, SandboxConnector } from '../app/freee/use-cases.js';
import { AppError } from '../app/errors.js';
import type { Pool } from '../adapters/db/pool.js';
import { createSandboxCompany, type SandboxCompany } from '../sandbox/index.js';
import { sandboxEndpoints } from '../adapters/freee/endpoints.js';
import type { FreeeRuntime } from '../adapters/freee/runtime.js';

export interface SandboxConnectResult {
  sandbox: SandboxCompany;
  connection: FreeeConnection;
}

const hiddenFieldsMax = 20;

export interface SandboxConsentChoice {
  /** The sandbox user signing in to the consent page (issue #10 item 3). */
  email: string;
  password: string;
  userId: number;
  companyId: number;
}

function hiddenFields(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of [
    ...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g),
  ].slice(0, hiddenFieldsMax)) {
    form.set(match[1] ?? '', decodeEntities(match[2] ?? ''));
  }
  return form;
}

/** The session cookie the sign-in answer set (`name=value`), for the 許可する post. */
function sessionOf(answer: Response): string {
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (cookie === '') throw new Error('sandbox sign-in set no session cookie');
  return cookie;
}

/** Opens the consent page, signs in as the user, presses 許可する for `companyId`; returns the callback URL. */
export async function answerSandboxConsent(
  runtime: FreeeRuntime,
  authorizationUrl: string,
  choice: SandboxConsentChoice,
): Promise<string> {
  if (!runtime.sandboxBaseUrl)
    throw new AppError(
      'unavailable',
      'freee_sandbox_unavailable',
      'freeeサンドボックスはこのプロセスでは利用できません。',
    );
  const endpoints = sandboxEndpoints(runtime.sandboxBaseUrl, runtime.sandboxFetch);
  const page = await endpoints.fetch(authorizationUrl);
  const signInHtml = await page.text();
  if (page.status !== 200) throw new Error(`sandbox consent page answered ${page.status}`);
  const signIn = hiddenFields(signInHtml);
  signIn.set('email', choice.email);
  signIn.set('password', choice.password);
  const signedIn = await endpoints.fetch(endpoints.authorizeUrl, { method: 'POST', body: signIn });
  const consentHtml = await signedIn.text();
  if (signedIn.status !== 200) throw new Error(`sandbox sign-in answered ${signedIn.status}`);
  const form = hiddenFields(consentHtml);
  form.set('selection', `${choice.userId}:${choice.companyId}`);
  form.set('decision', 'allow');
  const answer = await endpoints.fetch(endpoints.authorizeUrl, {
    method: 'POST',
    body: form,
    headers: { cookie: sessionOf(signedIn) },
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location)
    throw new Error(`sandbox consent answered ${answer.status}`);
  return location;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function connectToNewSandboxCompany(
  runtime: FreeeRuntime,
  pool: Pool,
  input: SandboxConnectInput,
): Promise<SandboxConnectResult> {
  const deps = runtime.connectDeps;
  const sandbox = await createSandboxCompany(pool, runtime.clock, {
    name: input.sandboxCompanyName,
    sections: ['本店'],
  });
  const started = await startAuthorization(deps, {
    companyId: input.companyId,
    staffId: input.staffId,
    provider: 'sandbox',
  });
  if (!sandbox.signIn) throw new Error('the new sandbox 事業所 came without its user');
  const callbackUrl = await answerSandboxConsent(runtime, started.authorizationUrl, {
    ...sandbox.signIn,
    userId: sandbox.userId,
    companyId: sandbox.companyId,
  });
  const authorization = await completeAuthorization(deps, {
    companyId: input.companyId,
    callbackUrl,
  });
  const storeIds =
    input.storeIds ??
    (await deps.store.listStoreConnections(input.companyId)).map((s) => s.storeId);
  const connection = await registerAuthorization(deps, {
    companyId: input.companyId,
    authorizationId: authorization.id,
    freeeCompanyId: sandbox.companyId,
    storeIds,
  });
  return { sandbox, connection };
}

/** The App's port: connects to a new sandbox 事業所 in this process's sandbox. */
export function sandboxConnectorOver(runtime: FreeeRuntime, pool: Pool): SandboxConnector {
  return async (input) => {
    const { sandbox, connection } = await connectToNewSandboxCompany(runtime, pool, input);
    return { freeeCompanyId: sandbox.companyId, connection, signIn: sandbox.signIn };
  };
}
