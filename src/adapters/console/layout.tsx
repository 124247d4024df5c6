// The console's page frame: header, top menu (TOP / 日報 / 連携 / 運用管理), htmx with the CSRF header.
import type { Child } from 'hono/jsx';
import type { Principal } from '../http/context.js';

const css = `
body{font-family:"Noto Sans CJK JP","Noto Sans JP",sans-serif;margin:0;color:#222;background:#f5f6f8}
header{background:#1f3b57;color:#fff;display:flex;align-items:center;gap:24px;padding:0 20px;height:52px}
header .brand{font-weight:bold;font-size:18px}
nav.top a{color:#fff;text-decoration:none;padding:16px 12px;display:inline-block}
nav.top a.active{background:#2f5a84}
header .who{margin-left:auto;font-size:13px}
header .who a{color:#fff}
main{max-width:1100px;margin:24px auto;padding:0 20px}
h1{font-size:22px;margin:0 0 16px}
table{border-collapse:collapse;background:#fff;width:100%}
th,td{border:1px solid #d6d9de;padding:6px 10px;text-align:left;font-size:14px}
th{background:#eef1f5}
td.num{text-align:right;font-variant-numeric:tabular-nums}
form.card,.card{background:#fff;border:1px solid #d6d9de;padding:16px 20px;border-radius:6px;margin-bottom:16px}
label{display:block;margin:10px 0 4px;font-size:14px}
input,select{font-size:15px;padding:6px 8px;min-width:260px}
button,.button{background:#2f6fb0;color:#fff;border:0;padding:8px 18px;border-radius:4px;font-size:15px;cursor:pointer;text-decoration:none;display:inline-block}
.error{color:#b00020;font-size:13px;margin:4px 0}
.alert{background:#fdecee;border:1px solid #f5c2c7;color:#8a1020;padding:10px 14px;border-radius:4px;margin-bottom:12px}
.notice{background:#e8f4ea;border:1px solid #b7dfc0;padding:10px 14px;border-radius:4px;margin-bottom:12px}
ul.menu{list-style:none;padding:0} ul.menu li{margin:8px 0}
`;

export type Section = 'top' | 'report' | 'integration' | 'admin' | 'none';

export function Layout(props: {
  title: string;
  principal?: Principal | undefined;
  section?: Section;
  children?: Child;
}) {
  const staff = props.principal?.kind === 'staff' ? props.principal : undefined;
  const link = (href: string, label: string, section: Section) => (
    <a href={href} class={props.section === section ? 'active' : ''}>
      {label}
    </a>
  );
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | Uriage 管理画面`}</title>
        <style>{css}</style>
        <script src="/static/htmx.min.js" defer></script>
        <script src="/static/confirm.js" defer></script>
      </head>
      <body hx-headers={staff ? JSON.stringify({ 'X-CSRF-Token': staff.csrfToken }) : undefined}>
        <header>
          <span class="brand">Uriage 管理画面</span>
          {staff ? (
            <nav class="top">
              {link('/', 'TOP', 'top')}
              {link('/report', '日報', 'report')}
              {link('/integrations', '連携', 'integration')}
              {link('/admin', '運用管理', 'admin')}
              <a href="/admin/register">レジ</a>
            </nav>
          ) : null}
          {staff ? (
            <form class="who" method="post" action="/logout" style="margin-left:auto">
              <input type="hidden" name="_csrf" value={staff.csrfToken} />
              <a href="/account/password" class="account-link">
                {staff.staff.name}({staff.staff.code})
              </a>{' '}
              <button type="submit">ログアウト</button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

export function FieldErrorText(props: { errors: Record<string, string>; path: string }) {
  const message = props.errors[props.path];
  return message ? <div class="error">{message}</div> : null;
}

export function CsrfField(props: { principal: Principal | undefined }) {
  return props.principal?.kind === 'staff' ? (
    <input type="hidden" name="_csrf" value={props.principal.csrfToken} />
  ) : null;
}
