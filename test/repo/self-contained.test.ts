// Goal: a clone of this repository alone runs its tests and scripts — no tracked file reads
// anything outside the repository (issue 9, item 7). Third-party files it needs live in vendor/.
// Code and configuration are checked; Markdown is prose (it may cite the outside specification).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const checkedExtensions = new Set([
  '.ts',
  '.tsx',
  '.js',
  '.mjs',
  '.cjs',
  '.json',
  '.sh',
  '.yml',
  '.yaml',
  '.sql',
  '',
]);
const self = relative(root, fileURLToPath(import.meta.url))
  .split(sep)
  .join('/');
const skippedPrefixes = [
  'vendor/',
  'node_modules/',
  'drizzle/meta/',
  'drizzle-sandbox/meta/',
  self,
];
const filesMax = 5000;
const bytesMax = 1_000_000;

/** Tracked files (git ls-files), or every file but .git and node_modules when git is absent. */
function repositoryFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '');
  } catch {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (name === '.git' || name === 'node_modules') continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else out.push(relative(root, path).split(sep).join('/'));
        if (out.length > filesMax) throw new Error(`more than ${filesMax} files`);
      }
    };
    walk(root);
    return out;
  }
}

const outsidePatterns: { pattern: RegExp; what: string }[] = [
  {
    pattern: /(?:\.\.\/)+shared\//,
    what: 'a path into the shared reference folder beside the repository',
  },
  { pattern: /['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/, what: "a path joined from '..', 'shared'" },
  { pattern: /(?:^|[\s'"`(=:])\/work\//, what: 'an absolute /work path' },
];
const relativeLiteral = /['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g;

/** Every reference in one file's text that reaches outside the repository. */
function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    for (const { pattern, what } of outsidePatterns)
      if (pattern.test(line)) found.push(`${at}: ${what}: ${line.trim()}`);
    for (const match of line.matchAll(relativeLiteral)) {
      const target = resolve(root, dirname(file), match[1]!);
      if (relative(root, target).startsWith('..'))
        found.push(`${at}: '${match[1]}' resolves outside the repository`);
    }
  });
  return found;
}

describe('the repository is self-contained', () => {
  it('no tracked code or configuration file refers to a path outside the repository', () => {
    const files = repositoryFiles().filter(
      (f) =>
        checkedExtensions.has(extname(f)) &&
        !skippedPrefixes.some((prefix) => f.startsWith(prefix)),
    );
    assert.ok(files.length > 100, `expected the repository's files, found ${files.length}`);
    const found: string[] = [];
    for (const file of files) {
      const path = join(root, file);
      if (statSync(path).size > bytesMax) continue;
      found.push(...outsideReferences(file, readFileSync(path, 'utf8')));
    }
    assert.deepEqual(found, []);
  });

  it('the detector catches what it is meant to catch', () => {
    const caught = (file: string, text: string) => outsideReferences(file, text).length > 0;
    // The outside folder's name is joined here so that no line of this file names it whole.
    const outside = ['..', '..', 'sha' + 'red', 'a.json'].join('/');
    assert.ok(caught('test/x.ts', `new URL('${outside}', u)`));
    assert.ok(caught('scripts/x.mjs', "resolve(root, '..', 'shared')"));
    assert.ok(caught('x.sh', 'cat /work/shared/spec/a.json'));
    assert.ok(caught('test/a/x.ts', "new URL('../../../b.json', u)"));
    assert.deepEqual(outsideReferences('test/a/x.ts', "import '../../src/y.js'"), []);
  });

  it('the vendored files are present', () => {
    for (const file of [
      'vendor/freee/accounting-api-schema.json',
      'vendor/freee/LICENSE',
      'vendor/freee/SOURCE.md',
      'vendor/spec/checkout.schema.json',
      'vendor/spec/example-day.json',
      'vendor/spec/SOURCE.md',
    ])
      assert.ok(statSync(join(root, file)).isFile(), file);
  });
});
