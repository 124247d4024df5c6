// NetworkSettingsStore over PostgreSQL: one row per company (drizzle-hardening set).
import { eq } from 'drizzle-orm';
import type { NetworkSettingsStore } from '../../app/network/printer-network.js';
import type { Pool } from './pool.js';
import { companyNetworkSettings } from './schema/hardening/index.js';
import { drizzleOver } from './unit-of-work.js';

export function networkSettingsStoreOver(pool: Pool): NetworkSettingsStore {
  const db = drizzleOver(pool);
  return {
    printerNetworks: async (companyId) => {
      const rows = await db
        .select({ networks: companyNetworkSettings.printerNetworks })
        .from(companyNetworkSettings)
        .where(eq(companyNetworkSettings.companyId, companyId))
        .limit(1);
      return rows[0]?.networks ?? null;
    },
    savePrinterNetworks: async (companyId, networks, now) => {
      await db
        .insert(companyNetworkSettings)
        .values({ companyId, printerNetworks: networks, updatedAt: now })
        .onConflictDoUpdate({
          target: companyNetworkSettings.companyId,
          set: { printerNetworks: networks, updatedAt: now },
        });
    },
  };
}
