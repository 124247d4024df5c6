// The register wing's use cases bound once to their ports.
import { bindAll } from '../bind.js';
import { registrationNumber, setRegistrationNumber } from './invoice.js';
import {
  exportProductsCsv,
  importProductsCsv,
  listProducts,
  productHistory,
  saveProducts,
  type RegisterDeps,
} from './products.js';

export function bindRegister(deps: RegisterDeps) {
  return bindAll(deps, {
    listProducts,
    saveProducts,
    productHistory,
    importProductsCsv,
    exportProductsCsv,
    registrationNumber,
    setRegistrationNumber,
  });
}

export type RegisterApp = ReturnType<typeof bindRegister>;
