// The register wing's use cases bound once to their ports.
import { bindAll } from '../bind.js';
import { registrationNumber, setRegistrationNumber } from './invoice.js';
import {
  exchangePairingCode,
  issuePairingCode,
  pairedRegisters,
  revokeRegister,
  type PairingDeps,
} from './pairing.js';
import {
  exportProductsCsv,
  importProductsCsv,
  listProducts,
  productHistory,
  saveProducts,
  type RegisterDeps,
} from './products.js';
import { issueReceipt, receiptIssues, type ReceiptIssueDeps } from './receipts.js';

export function bindRegister(deps: RegisterDeps & PairingDeps & ReceiptIssueDeps) {
  return bindAll(deps, {
    issuePairingCode,
    exchangePairingCode,
    pairedRegisters,
    revokeRegister,
    listProducts,
    saveProducts,
    productHistory,
    importProductsCsv,
    exportProductsCsv,
    registrationNumber,
    setRegistrationNumber,
    issueReceipt,
    receiptIssues,
  });
}

export type RegisterApp = ReturnType<typeof bindRegister>;
