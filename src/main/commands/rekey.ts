// uriage rekey: re-encrypts the stored freee secrets with the current key.
import type { Command } from '../../adapters/cli/command.js';
import { loadSecretBox } from '../../adapters/crypto/secret-key.js';
import { resealFreeeSecrets } from '../../adapters/db/freee-reseal.js';
import type { MainContext } from './context.js';
import { withMigratedDatabase } from './migrated-database.js';

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
    return withMigratedDatabase(ctx, async (pool) => {
      const resealed = await resealFreeeSecrets(pool, box);
      ctx.out(`${resealed} 件の秘密情報を鍵 ${box.currentKeyId} で暗号化し直しました。`);
      return 0;
    });
  },
};
