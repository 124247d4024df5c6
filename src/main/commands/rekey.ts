// uriage rekey: re-encrypts the stored freee secrets with the current key.
import { parseArgs } from 'node:util';
import type { Command } from '../../adapters/cli/command.js';
import { formatOption, outputFormatOf, printResult } from '../../adapters/cli/output.js';
import { loadSecretBox } from '../../adapters/crypto/secret-key.js';
import { resealFreeeSecrets } from '../../adapters/db/freee-reseal.js';
import type { MainContext } from './context.js';
import { withMigratedDatabase } from './migrated-database.js';

export const rekeyCommand: Command<MainContext> = {
  name: 'rekey',
  summary:
    'freeeのトークンを現在の鍵で暗号化し直す (re-encrypt freee secrets with the current key)',
  usage:
    'uriage rekey [--format text|json]   (URIAGE_SECRET_KEY = new key, URIAGE_SECRET_KEYS_PREVIOUS = old keys)',
  run: async (ctx, argv) => {
    const { values } = parseArgs({ args: argv, options: { ...formatOption } });
    const format = outputFormatOf(values.format, 'text');
    const { box } = loadSecretBox({
      secretKey: ctx.config.secretKey,
      previousSecretKeys: ctx.config.previousSecretKeys,
      dataDir: ctx.config.dataDir,
    });
    return withMigratedDatabase(ctx, async (pool) => {
      const resealed = await resealFreeeSecrets(pool, box);
      printResult(ctx, format, { resealed, keyId: box.currentKeyId }, (r) => [
        `${r.resealed} 件の秘密情報を鍵 ${r.keyId} で暗号化し直しました。`,
      ]);
      return 0;
    });
  },
};
