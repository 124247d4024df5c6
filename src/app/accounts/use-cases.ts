// Staff account use cases (password change and reset) bound once to their ports.
import { bindAll } from '../bind.js';
import {
  accountOf,
  changeOwnPassword,
  createStaffWithTemporaryPassword,
  mustChangePassword,
  requestResetMail,
  resetPasswordByAdmin,
  resetTokenUsable,
  resetWithToken,
  saveOwnEmail,
  type AccountsDeps,
} from './passwords.js';

export function bindAccounts(deps: AccountsDeps) {
  return Object.freeze({
    mailTransport: deps.mailer.transport,
    ...bindAll(deps, {
      accountOf,
      changeOwnPassword,
      createStaffWithTemporaryPassword,
      mustChangePassword,
      requestResetMail,
      resetPasswordByAdmin,
      resetTokenUsable,
      resetWithToken,
      saveOwnEmail,
    }),
  });
}

export type AccountsApp = ReturnType<typeof bindAccounts>;
