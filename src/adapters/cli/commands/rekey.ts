// uriage rekey: after a key rotation (URIAGE_SECRET_KEY = new key, URIAGE_SECRET_KEYS_PREVIOUS =
// old keys), re-seals every freee secret with the new key; then the old key can be removed.
import { loadSecretBox } from '../../crypto/secret-key.js';
import { resealFreeeSecrets } from '../../db/freee-reseal.js';
import type { Command } from '../command.js';

export const rekeyCommand: Command = {
  name: 'rekey',
  summary:
    'freeeのトークンを現在の鍵で暗号化し直す (re-encrypt freee secrets with the current key)',
  usage: 'uriage rekey   (URIAGE_SECRET_KEY = new key, URIAGE_SECRET_KEYS_PREVIOUS = old keys)',
  run: async (ctx) => {
    const services = await ctx.services();
    const { box } = loadSecretBox({
      secretKey: ctx.config.secretKey,
      previousSecretKeys: ctx.config.previousSecretKeys,
      dataDir: ctx.config.dataDir,
    });
    const resealed = await resealFreeeSecrets(services.pool, box);
    ctx.out(`${resealed} 件の秘密情報を鍵 ${box.currentKeyId} で暗号化し直しました。`);
    return 0;
  },
};
