// Query and path parameters, checked the way freee does: a bad value is a 400 naming the field.
import type { Context } from 'hono';
import { isCalendarDate } from '../dates.js';
import { badRequest } from './errors.js';

export interface IntRule {
  required?: boolean;
  min?: number;
  max?: number;
}

export function parseIntParam(
  name: string,
  text: string | undefined,
  rule: IntRule = {},
): number | undefined {
  if (text === undefined || text === '') {
    if (rule.required) throw badRequest(`${name} を指定してください。`);
    return undefined;
  }
  const min = rule.min ?? 0;
  const max = rule.max ?? 2_147_483_647;
  if (!/^-?\d+$/.test(text)) throw badRequest(`${name} は整数で指定してください。`);
  const value = Number(text);
  if (value < min || value > max)
    throw badRequest(`${name} は${min}以上${max}以下の値を指定してください。`);
  return value;
}

export function queryInt(c: Context, name: string, rule: IntRule = {}): number | undefined {
  return parseIntParam(name, c.req.query(name), rule);
}

export function pathInt(c: Context, name: string): number {
  const value = parseIntParam(name, c.req.param(name), { required: true, min: 1 });
  return value as number;
}

export function queryDate(c: Context, name: string): string | undefined {
  const text = c.req.query(name);
  if (text === undefined || text === '') return undefined;
  if (!isCalendarDate(text))
    throw badRequest(`${name} は不正な日付フォーマットです。入力例：2019-12-17`);
  return text;
}

export function queryEnum<T extends string>(
  c: Context,
  name: string,
  values: readonly T[],
): T | undefined {
  const text = c.req.query(name);
  if (text === undefined || text === '') return undefined;
  if (!(values as readonly string[]).includes(text))
    throw badRequest(`${name} は ${values.join(', ')} のいずれかを指定してください。`);
  return text as T;
}

/** freee's "presence" flags: any value (even false) counts as given, as users/me documents. */
export function queryPresent(c: Context, name: string): boolean {
  return c.req.query(name) !== undefined;
}

/** Boolean filters (`available=true|false`). */
export function queryBool(c: Context, name: string): boolean | undefined {
  const text = c.req.query(name);
  if (text === undefined || text === '') return undefined;
  if (text !== 'true' && text !== 'false')
    throw badRequest(`${name} は true または false を指定してください。`);
  return text === 'true';
}

export interface Page {
  offset: number;
  limit: number;
}

export function queryPage(c: Context, limitDefault: number, limitMax: number): Page {
  return {
    offset: queryInt(c, 'offset', { min: 0, max: 2_147_483_647 }) ?? 0,
    limit: queryInt(c, 'limit', { min: 1, max: limitMax }) ?? limitDefault,
  };
}
