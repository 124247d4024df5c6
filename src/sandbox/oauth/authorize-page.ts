// The consent page of the sandbox (freee: アプリ連携の開始 → 事業所を選択 → 許可する).
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export interface CompanyChoice {
  userId: number;
  userEmail: string;
  companyId: number;
  companyName: string;
  role: string;
}

export interface AuthorizeRequest {
  clientId: string;
  clientName: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  /** As requested (space-separated `read` / `write`; empty: `read write`). */
  scope: string;
}

type Page = HtmlEscapedString | Promise<HtmlEscapedString>;

const hidden = (name: string, value: string) =>
  html`<input type="hidden" name="${name}" value="${value}" />`;

const requestFields = (request: AuthorizeRequest) =>
  html`${hidden('client_id', request.clientId)}${hidden('redirect_uri', request.redirectUri)}${hidden('state', request.state)}
  ${hidden('code_challenge', request.codeChallenge)}${hidden('code_challenge_method', request.codeChallengeMethod)}${hidden('scope', request.scope)}`;

/** Sign-in before consent (issue #10 item 3): the same request fields, plus e-mail and password. */
export function signInPage(request: AuthorizeRequest, failed: boolean): Page {
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>ログイン | freee サンドボックス</title>
      </head>
      <body>
        <h1>freee サンドボックスにログイン</h1>
        <p>
          「${request.clientName}」との連携を始めるには、サンドボックスのユーザーでログインしてください。
        </p>
        ${failed ? html`<p role="alert">メールアドレスまたはパスワードが正しくありません。</p>` : ''}
        <form method="post" action="authorize">
          ${requestFields(request)}${hidden('sign_in', '1')}
          <p>
            <label for="sandbox-email">メールアドレス</label>
            <input id="sandbox-email" type="email" name="email" autocomplete="username" required />
          </p>
          <p>
            <label for="sandbox-password">パスワード</label>
            <input
              id="sandbox-password"
              type="password"
              name="password"
              autocomplete="current-password"
              required
            />
          </p>
          <button type="submit" id="sandbox-sign-in">ログイン</button>
        </form>
      </body>
    </html>`;
}

export function authorizePage(request: AuthorizeRequest, choices: readonly CompanyChoice[]): Page {
  const options = choices.map(
    (choice, i) =>
      html`<li>
        <label
          ><input
            type="radio"
            name="selection"
            value="${choice.userId}:${choice.companyId}"
            ${i === 0 ? 'checked' : ''}
          />
          ${choice.companyName}（事業所ID: ${choice.companyId}、${choice.userEmail}、権限:
          ${choice.role}）</label
        >
      </li>`,
  );
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>アプリ連携の開始 | freee サンドボックス</title>
      </head>
      <body>
        <h1>アプリ連携の開始</h1>
        <p>
          「${request.clientName}」が、あなたの freee
          アカウントへのアクセスを求めています（サンドボックス）。
        </p>
        <form method="post" action="authorize">
          ${requestFields(request)}
          <h2>連携する事業所を選択してください</h2>
          ${
            choices.length === 0
              ? html`<p>選択できる事業所がありません。</p>`
              : html`<ul>
                  ${options}
                </ul>`
          }
          <p>
            アクセス権限:
            ${
              request.scope.split(/[\s+]+/).includes('write') || request.scope.trim() === ''
                ? 'データの読み取り、データの書き込み'
                : 'データの読み取り'
            }
          </p>
          <button
            type="submit"
            name="decision"
            value="allow"
            ${choices.length === 0 ? 'disabled' : ''}
          >
            許可する
          </button>
          <button type="submit" name="decision" value="deny">許可しない</button>
        </form>
      </body>
    </html>`;
}

export function errorPage(message: string): Page {
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>エラー | freee サンドボックス</title>
      </head>
      <body>
        <h1>エラー</h1>
        <p>${message}</p>
      </body>
    </html>`;
}

export function outOfBandPage(code: string): Page {
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>認可コード | freee サンドボックス</title>
      </head>
      <body>
        <h1>認可コード</h1>
        <p>以下のコードをアプリケーションに入力してください。</p>
        <code id="code">${code}</code>
      </body>
    </html>`;
}
