// The demo company created (once) on the first `npm start`: company `demo`, store 0001 and the
// payment methods of issue 2. Returns the admin login when it was created now.
import { randomBytes } from 'node:crypto';
import type { PaymentMethod } from '../../domain/ledger/types.js';
import { saveCompany, type TenancyDeps } from './service.js';

export const demoPaymentMethods: PaymentMethod[] = [
  { code: 'cash', name: '現金', kind: 'cash', givesChange: true, settlement: 'settled' },
  { code: 'credit', name: 'クレジット', kind: 'card', givesChange: false, settlement: 'unsettled' },
  { code: 'paypay', name: 'PayPay', kind: 'qr', givesChange: false, settlement: 'unsettled' },
  {
    code: 'giftNoChange',
    name: '商品券(お釣り無し)',
    kind: 'voucher',
    givesChange: false,
    settlement: 'unsettled',
  },
  {
    code: 'giftChange',
    name: '商品券(お釣り有り)',
    kind: 'voucher',
    givesChange: true,
    settlement: 'unsettled',
  },
];

export interface DemoLogin {
  companyId: string;
  companyCode: string;
  staffCode: string;
  password: string;
}

export async function ensureDemoCompany(deps: TenancyDeps): Promise<DemoLogin | null> {
  if (await deps.uow.read.findCompanyByCode('demo')) return null;
  const password = `demo-${randomBytes(6).toString('base64url')}`;
  const { company } = await saveCompany(deps, {
    code: 'demo',
    name: 'デモ企業',
    roundingMode: 'floor',
    paymentMethods: demoPaymentMethods,
    stores: [{ code: '0001', name: '店舗0001', timeZone: 'Asia/Tokyo', registers: ['01'] }],
    admin: { code: 'admin', name: '管理者', password },
  });
  return { companyId: company.id, companyCode: 'demo', staffCode: 'admin', password };
}
