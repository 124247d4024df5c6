// 運用管理 > レジ > 商品マスター (issue 13 §1): the list, one form to add or change a product by code,
// CSV import (UTF-8 or Shift_JIS, as Excel saves it) and export in either encoding.
import type { Context, Hono } from 'hono';
import { AppError, forbidden } from '../../../../app/errors.js';
import type { Product, ProductInput } from '../../../../domain/register/product.js';
import { taxCategoryLabels } from '../../../../domain/register/product.js';
import { taxCategories, type TaxCategory } from '../../../../domain/ledger/types.js';
import { csrfOk } from '../../../http/auth-middleware.js';
import type { AppEnv } from '../../../http/context.js';
import { CsrfField, FieldErrorText, Layout } from '../../layout.js';
import {
  canAdmin,
  consoleStaff,
  errorsByPath,
  readForm,
  type StaffPrincipal,
} from '../../session.js';

interface Notice {
  message?: string;
  error?: string;
  fields?: Record<string, string>;
  /** What was entered, shown again after a refusal. */
  values?: Record<string, string>;
}

function ProductTable(props: { products: Product[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>コード</th>
          <th>商品名</th>
          <th>価格</th>
          <th>税込/税抜</th>
          <th>税区分</th>
          <th>カテゴリ</th>
          <th>並び順</th>
          <th>状態</th>
          <th>版</th>
        </tr>
      </thead>
      <tbody>
        {props.products.map((p) => (
          <tr data-code={p.code}>
            <td>{p.code}</td>
            <td>{p.name}</td>
            <td>{`¥${p.priceYen.toLocaleString('ja-JP')}`}</td>
            <td>{p.priceMode === 'inclusive' ? '税込' : '税抜'}</td>
            <td>{taxCategoryLabels[p.taxCategory]}</td>
            <td>{p.category}</td>
            <td>{p.sortOrder}</td>
            <td>{p.active ? '有効' : '無効'}</td>
            <td>{p.version}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProductForm(props: {
  principal: StaffPrincipal;
  fields: Record<string, string>;
  values?: Record<string, string>;
}) {
  const f = props.fields;
  const v = props.values ?? {};
  return (
    <form class="card" method="post" action="/admin/register/products">
      <h2>商品の追加・変更(商品コードで上書き)</h2>
      <CsrfField principal={props.principal} />
      <label for="code">商品コード</label>
      <input id="code" name="code" value={v.code ?? ''} />
      <FieldErrorText errors={f} path="code" />
      <label for="name">商品名</label>
      <input id="name" name="name" value={v.name ?? ''} />
      <FieldErrorText errors={f} path="name" />
      <label for="priceYen">価格(円)</label>
      <input id="priceYen" name="priceYen" inputmode="numeric" value={v.priceYen ?? ''} />
      <FieldErrorText errors={f} path="priceYen" />
      <label for="priceMode">税込/税抜</label>
      <select id="priceMode" name="priceMode">
        <option value="inclusive">税込</option>
        <option value="exclusive" selected={v.priceMode === 'exclusive'}>
          税抜
        </option>
      </select>
      <label for="taxCategory">税区分</label>
      <select id="taxCategory" name="taxCategory">
        {taxCategories.map((t) => (
          <option value={t} selected={v.taxCategory === t}>
            {taxCategoryLabels[t]}
          </option>
        ))}
      </select>
      <label for="category">カテゴリ(レジのタブ)</label>
      <input id="category" name="category" value={v.category ?? ''} />
      <label for="sortOrder">並び順</label>
      <input id="sortOrder" name="sortOrder" value={v.sortOrder ?? '0'} inputmode="numeric" />
      <FieldErrorText errors={f} path="sortOrder" />
      <label for="active">状態</label>
      <select id="active" name="active">
        <option value="true">有効</option>
        <option value="false" selected={v.active === 'false'}>
          無効
        </option>
      </select>
      <p>
        <button type="submit">保存</button>
      </p>
    </form>
  );
}

async function page(c: Context<AppEnv>, principal: StaffPrincipal, notice: Notice = {}) {
  const products = await c.get('app').register.listProducts(principal.companyId);
  return (
    <Layout title="商品マスター" principal={principal} section="admin">
      <h1>商品マスター</h1>
      <p>
        <a href="/admin/register">レジの設定へ</a>
      </p>
      {notice.error ? (
        <div class="alert" role="alert">
          {notice.error}
        </div>
      ) : null}
      {notice.message ? (
        <div class="notice" role="status">
          {notice.message}
        </div>
      ) : null}
      {notice.fields && Object.keys(notice.fields).length > 0 ? (
        <ul class="error">
          {Object.values(notice.fields).map((message) => (
            <li>{message}</li>
          ))}
        </ul>
      ) : null}
      <p>
        CSV書き出し: <a href="/admin/register/products.csv?encoding=shift_jis">Shift_JIS(Excel)</a>{' '}
        ・ <a href="/admin/register/products.csv?encoding=utf8">UTF-8</a>
      </p>
      <form
        class="card"
        method="post"
        action="/admin/register/products/import"
        enctype="multipart/form-data"
      >
        <h2>CSV取り込み(UTF-8 / Shift_JIS)</h2>
        <CsrfField principal={principal} />
        <input type="file" name="file" accept=".csv,text/csv" />
        <p>
          <button type="submit">取り込む</button>
        </p>
      </form>
      <ProductTable products={products} />
      <ProductForm
        principal={principal}
        fields={notice.fields ?? {}}
        {...(notice.values ? { values: notice.values } : {})}
      />
    </Layout>
  );
}

function inputOf(form: Record<string, string>): ProductInput {
  const price = (form.priceYen ?? '').replace(/[,¥円\s]/g, '');
  return {
    code: (form.code ?? '').trim(),
    name: (form.name ?? '').trim(),
    priceYen: /^\d+$/.test(price) ? Number(price) : Number.NaN,
    priceMode: form.priceMode === 'exclusive' ? 'exclusive' : 'inclusive',
    taxCategory: (form.taxCategory ?? '') as TaxCategory,
    category: (form.category ?? '').trim(),
    sortOrder: /^\d+$/.test(form.sortOrder ?? '') ? Number(form.sortOrder) : Number.NaN,
    active: form.active !== 'false',
  };
}

async function shownOr(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
  work: () => Promise<string>,
  values?: Record<string, string>,
) {
  try {
    return c.html(await page(c, principal, { message: await work() }));
  } catch (error) {
    const shown = errorsByPath(error);
    if (!shown) throw error;
    return c.html(
      await page(c, principal, {
        error: shown.message,
        fields: shown.fields,
        ...(values ? { values } : {}),
      }),
      400,
    );
  }
}

export function registerProductPages(app: Hono<AppEnv>): void {
  app.get('/admin/register/products', async (c) => {
    const principal = consoleStaff(c);
    return principal ? c.html(await page(c, principal)) : c.redirect('/login');
  });
  app.get('/admin/register/products.csv', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const encoding = c.req.query('encoding') === 'utf8' ? 'utf8' : 'shift_jis';
    const bytes = await c.get('app').register.exportProductsCsv(principal.companyId, encoding);
    c.header('content-type', `text/csv; charset=${encoding === 'utf8' ? 'utf-8' : 'shift_jis'}`);
    c.header('content-disposition', 'attachment; filename="products.csv"');
    return c.body(new Uint8Array(bytes));
  });
  app.post('/admin/register/products', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const form = await readForm(c, principal);
    if (!canAdmin(principal) && principal.staff.role !== 'manager') throw forbidden();
    return shownOr(
      c,
      principal,
      async () => {
        const result = await c
          .get('app')
          .register.saveProducts(principal.companyId, [inputOf(form)]);
        return result.unchanged ? '変更はありませんでした。' : '商品を保存しました。';
      },
      form,
    );
  });
  app.post('/admin/register/products/import', async (c) => {
    const principal = consoleStaff(c);
    if (!principal) return c.redirect('/login');
    const body = await c.req.parseBody();
    if (!csrfOk(c, principal, typeof body._csrf === 'string' ? body._csrf : undefined))
      throw new AppError(
        'forbidden',
        'csrf_failed',
        '画面を再読み込みしてからやり直してください。',
      );
    if (!canAdmin(principal) && principal.staff.role !== 'manager') throw forbidden();
    const file = body.file;
    return shownOr(c, principal, async () => {
      const bytes =
        typeof file === 'string' || !file
          ? new Uint8Array()
          : new Uint8Array(await file.arrayBuffer());
      const r = await c.get('app').register.importProductsCsv(principal.companyId, bytes);
      return `取り込みました(追加 ${r.created}件・変更 ${r.updated}件・変更なし ${r.unchanged}件)。`;
    });
  });
}
