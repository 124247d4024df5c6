// A broken rule of a checkout: `path` names the field ('payments[1].amount', 'payments',
// 'completedAt'), `code` is a stable English code for logs and clients, `message` is for users.
export interface RuleError {
  path: string;
  code: string;
  message: string;
}

export function ruleError(path: string, code: string, message: string): RuleError {
  return { path, code, message };
}
