// uriage rekey: re-encrypts the stored freee secrets with the current key.
import type { Command } from '../../adapters/cli/command.js';
import { loadSecretBox } from '../../adapters/crypto/secret-key.js';
import { openDatabase } from '../../adapters/db/database.js';
import { resealFreeeSecrets } from '../../adapters/db/freee-reseal.js';
import { runMigrations } from '../../adapters/db/migrate.js';
import { allMigrationSets } from '../migration-sets.js';
import type { MainContext } from './context.js';

export const rekeyCommand: Command<MainContext> = {
  name: 'rekey',
  summary:
    'freeeのトークンを現在の鍵で暗号化し直す (re-encrypt freee secrets with the current key)',
  usage: 'uriage rekey   (URIAGE_SECRET_KEY = new key, URIAGE_SECRET_KEYS_PREVIOUS = old keys)',
  run: async (ctx) => {
    const { box } = loadSecretBox({
      secretKey: ctx.config.secretKey,
      previousSecretKeys: ctx.config.previousSecretKeys,
      dataDir: ctx.config.dataDir,
    });
    const db = await openDatabase({
      databaseUrl: ctx.config.databaseUrl,
      dataDir: ctx.config.dataDir,
      startedAt: ctx.clock.now().toISOString(),
      connectionsMax: 4,
    });
    try {
      await runMigrations(db.pool, allMigrationSets);
      const resealed = await resealFreeeSecrets(db.pool, box);
      ctx.out(`${resealed} 件の秘密情報を鍵 ${box.currentKeyId} で暗号化し直しました。`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
