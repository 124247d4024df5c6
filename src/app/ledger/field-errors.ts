// zod issues → FieldError, each naming its field in full (`checkouts[3].lines[0].quantity`), with a
// Japanese message for the user and the zod code for clients. An unknown key is named itself
// (`lines[0].colour`), not its parent object.
import type { z } from 'zod';
import type { FieldError } from '../errors.js';

export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function bound(issue: z.core.$ZodIssue, key: 'minimum' | 'maximum'): string {
  const value = (issue as unknown as Record<string, unknown>)[key];
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
}

function message(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? '必須項目です。'
        : `値の型が正しくありません(${issue.expected} を指定してください)。`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `長さが足りません(${bound(issue, 'minimum')}以上)。`
        : `値が小さすぎます(${bound(issue, 'minimum')}以上)。`;
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'string')
        return `長すぎます(${bound(issue, 'maximum')}以下)。`;
      return issue.origin === 'int'
        ? '整数として扱える範囲を超えています。'
        : `値が大きすぎます(${bound(issue, 'maximum')}以下)。`;
    case 'invalid_value':
      return `指定できない値です(${issue.values.map(String).join('・')} のいずれか)。`;
    case 'invalid_format':
      if (issue.format === 'text')
        return 'NUL文字や対になっていないサロゲートなど、使えない文字が含まれています。';
      return issue.format === 'datetime'
        ? 'タイムゾーン付きの日時(例: 2025-01-10T12:00:00+09:00)で指定してください。'
        : '形式が正しくありません。';
    case 'not_multiple_of':
      return '整数で指定してください。';
    case 'unrecognized_keys':
      return '定義されていない項目です。';
    case 'custom':
      return '0 は指定できません。';
    default:
      return '値が正しくありません。';
  }
}

export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        errors.push({
          path: joinPath(prefix, [...issue.path, key]),
          code: issue.code,
          message: message(issue),
        });
      continue;
    }
    const code =
      issue.code === 'invalid_type' && issue.expected === 'int' ? 'not_integer' : issue.code;
    errors.push({
      path: joinPath(prefix, issue.path),
      code,
      message:
        issue.code === 'invalid_type' && issue.expected === 'int'
          ? '整数で指定してください。'
          : message(issue),
    });
  }
  return errors;
}

/** Prefixes a path from the domain (`payments[1].amount`) with the item's own (`checkouts[3]`). */
export function prefixed(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
