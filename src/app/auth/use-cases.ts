// Login, sessions and register tokens bound once to their ports.
import { bindAll } from '../bind.js';
import {
  createRegisterToken,
  login,
  logout,
  resolveApiToken,
  resolveSession,
  type LoginDeps,
} from './login.js';

export function bindAuth(deps: LoginDeps) {
  return bindAll(deps, { login, logout, resolveSession, resolveApiToken, createRegisterToken });
}

export type AuthApp = ReturnType<typeof bindAuth>;
