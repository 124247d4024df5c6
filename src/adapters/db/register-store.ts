// The register wing's store (app port RegisterStore): 商品マスター with one version row per change,
// and the company's 登録番号.
import { and, asc, eq } from 'drizzle-orm';
import type { ProductVersion, RegisterStore } from '../../app/register/ports.js';
import { productChanged, type Product, type ProductInput } from '../../domain/register/product.js';
import type { Pool } from './pool.js';
import { invoiceSettings, products, productVersions } from './schema/register/index.js';
import { drizzleOver, inTransaction, type Db } from './unit-of-work.js';

type ProductRow = typeof products.$inferSelect;

function productOf(row: ProductRow): Product {
  return {
    code: row.code,
    name: row.name,
    priceYen: row.priceYen,
    priceMode: row.priceMode as Product['priceMode'],
    taxCategory: row.taxCategory as Product['taxCategory'],
    category: row.category,
    sortOrder: row.sortOrder,
    active: row.active,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function saveOne(
  db: Db,
  companyId: string,
  input: ProductInput,
  current: ProductRow | undefined,
  now: Date,
): Promise<'created' | 'updated' | 'unchanged'> {
  if (current !== undefined && !productChanged(productOf(current), input)) return 'unchanged';
  const version = (current?.version ?? 0) + 1;
  const fields = { ...input, version, updatedAt: now };
  const [row] =
    current === undefined
      ? await db
          .insert(products)
          .values({ companyId, ...fields, createdAt: now })
          .returning()
      : await db.update(products).set(fields).where(eq(products.id, current.id)).returning();
  if (row === undefined) throw new Error(`product ${input.code} was not saved`);
  await db.insert(productVersions).values({
    productId: row.id,
    version,
    name: input.name,
    priceYen: input.priceYen,
    priceMode: input.priceMode,
    taxCategory: input.taxCategory,
    category: input.category,
    active: input.active,
    changedAt: now,
  });
  return current === undefined ? 'created' : 'updated';
}

export function registerStoreOver(pool: Pool): RegisterStore {
  const read = drizzleOver(pool);
  return {
    listProducts: async (companyId) =>
      (
        await read
          .select()
          .from(products)
          .where(eq(products.companyId, companyId))
          .orderBy(asc(products.category), asc(products.sortOrder), asc(products.code))
      ).map(productOf),
    saveProducts: (companyId, inputs, now) =>
      inTransaction(pool, async (client) => {
        const db = drizzleOver(client);
        const existing = await db.select().from(products).where(eq(products.companyId, companyId));
        const byCode = new Map(existing.map((row) => [row.code, row]));
        const result = { created: 0, updated: 0, unchanged: 0 };
        for (const input of inputs)
          result[await saveOne(db, companyId, input, byCode.get(input.code), now)] += 1;
        return result;
      }),
    productHistory: async (companyId, code) => {
      const [product] = await read
        .select()
        .from(products)
        .where(and(eq(products.companyId, companyId), eq(products.code, code)));
      if (product === undefined) return null;
      const rows = await read
        .select()
        .from(productVersions)
        .where(eq(productVersions.productId, product.id))
        .orderBy(asc(productVersions.version));
      return rows.map((row): ProductVersion => ({
        version: row.version,
        name: row.name,
        priceYen: row.priceYen,
        priceMode: row.priceMode as ProductVersion['priceMode'],
        taxCategory: row.taxCategory as ProductVersion['taxCategory'],
        category: row.category,
        active: row.active,
        changedAt: row.changedAt.toISOString(),
      }));
    },
    registrationNumber: async (companyId) => {
      const [row] = await read
        .select()
        .from(invoiceSettings)
        .where(eq(invoiceSettings.companyId, companyId));
      return row?.registrationNumber ?? null;
    },
    setRegistrationNumber: async (companyId, value, now) => {
      await read
        .insert(invoiceSettings)
        .values({ companyId, registrationNumber: value, updatedAt: now })
        .onConflictDoUpdate({
          target: invoiceSettings.companyId,
          set: { registrationNumber: value, updatedAt: now },
        });
    },
  };
}
