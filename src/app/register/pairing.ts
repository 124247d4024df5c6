// Pairing (issue 13 §4): the console issues a one-time code per register (shown with a QR code);
// the register exchanges it for its register token; the console lists paired registers and can
// revoke one. Only a sha256 of the code is stored; a code lives 10 minutes and works once.
import { randomInt } from 'node:crypto';
import { hashSecret } from '../auth/tokens.js';
import { createRegisterToken } from '../auth/login.js';
import type { AccessStore } from '../auth/ports.js';
import { AppError, notFound, validationError } from '../errors.js';
import type { Clock } from '../clock.js';
import type { PairedRegister, PairingStore } from './ports.js';

export interface PairingDeps {
  pairing: PairingStore;
  access: AccessStore;
  clock: Clock;
}

export const pairingCodeLifetimeMs = 10 * 60 * 1000;
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const codeLength = 8;

const normalize = (code: string) => code.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');

export async function issuePairingCode(
  deps: PairingDeps,
  companyId: string,
  register: { storeCode: string; registerCode: string },
): Promise<{ code: string; expiresAt: string }> {
  const registerId = await deps.access.findRegisterId(
    companyId,
    register.storeCode,
    register.registerCode,
  );
  if (!registerId)
    throw validationError([{ path: 'registerCode', message: '端末が見つかりません。' }]);
  let code = '';
  for (let i = 0; i < codeLength; i += 1) code += alphabet[randomInt(alphabet.length)];
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + pairingCodeLifetimeMs);
  await deps.pairing.insertCode(
    { companyId, ...register, codeHash: hashSecret(normalize(code)), expiresAt },
    now,
  );
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt: expiresAt.toISOString() };
}

export async function exchangePairingCode(
  deps: PairingDeps,
  code: string,
): Promise<{ token: string; storeCode: string; registerCode: string }> {
  if (normalize(code).length !== codeLength)
    throw validationError([{ path: 'code', message: 'ペアリングコードは8文字です。' }]);
  const spent = await deps.pairing.spendCode(hashSecret(normalize(code)), deps.clock.now());
  if (!spent)
    throw new AppError(
      'unauthorized',
      'pairing_code_invalid',
      'ペアリングコードが無効です(使用済み・期限切れ・入力誤り)。管理画面で新しいコードを発行してください。',
      [{ path: 'code', message: 'ペアリングコードが無効です。' }],
    );
  const token = await createRegisterToken(deps, { ...spent, label: 'pairing' });
  return { token, storeCode: spent.storeCode, registerCode: spent.registerCode };
}

export function pairedRegisters(deps: PairingDeps, companyId: string): Promise<PairedRegister[]> {
  return deps.pairing.pairedRegisters(companyId);
}

export async function revokeRegister(
  deps: PairingDeps,
  companyId: string,
  register: { storeCode: string; registerCode: string },
): Promise<number> {
  const registerId = await deps.access.findRegisterId(
    companyId,
    register.storeCode,
    register.registerCode,
  );
  if (!registerId) throw notFound('register', '端末が見つかりません。');
  return deps.pairing.revokeRegister(companyId, registerId, deps.clock.now());
}
