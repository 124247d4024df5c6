// The log the app writes to (structured fields + an English message); pino implements it.
export interface AppLog {
  info(fields: object | string, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}
