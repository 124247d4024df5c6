// Goal: report settings (spec §3) are checked field by field with Japanese messages naming the field,
// and stored settings are read back in a form both the engine and the printout accept.
// Method: a table of inputs → the paths of the errors; effectiveReportSettings on edge cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  effectiveReportSettings,
  parseReportSettings,
  reportSettingsErrors,
} from './report-settings.js';
import { defaultReportSettings } from '../../domain/report/types.js';

const valid = {
  title: '日報',
  hourly: { enabled: true, startHour: 10, endHour: 26 },
  taxBreakdown: { sales: true, paymentMethods: false },
};

describe('reportSettingsErrors', () => {
  const cases: [name: string, input: unknown, paths: string[]][] = [
    ['valid, late-night end hour 26', valid, []],
    ['start 0, end 0', { ...valid, hourly: { enabled: false, startHour: 0, endHour: 0 } }, []],
    [
      'end 29 is the last allowed',
      { ...valid, hourly: { enabled: true, startHour: 23, endHour: 29 } },
      [],
    ],
    ['not an object', 'daily', ['']],
    ['empty title', { ...valid, title: '  ' }, ['title']],
    ['title of 41 characters', { ...valid, title: 'あ'.repeat(41) }, ['title']],
    [
      'start 24 (a start is 0–23)',
      { ...valid, hourly: { enabled: true, startHour: 24, endHour: 26 } },
      ['hourly.startHour'],
    ],
    [
      'start not an integer',
      { ...valid, hourly: { enabled: true, startHour: 9.5, endHour: 20 } },
      ['hourly.startHour'],
    ],
    [
      'end 30',
      { ...valid, hourly: { enabled: true, startHour: 10, endHour: 30 } },
      ['hourly.endHour'],
    ],
    [
      'end before start (write 26 for 2 a.m.)',
      { ...valid, hourly: { enabled: true, startHour: 10, endHour: 2 } },
      ['hourly.endHour'],
    ],
    [
      'enabled not a boolean',
      { ...valid, hourly: { enabled: 'yes', startHour: 10, endHour: 20 } },
      ['hourly.enabled'],
    ],
    ['hourly missing', { title: '日報', taxBreakdown: valid.taxBreakdown }, ['hourly']],
    [
      'tax toggles missing',
      { title: '日報', hourly: valid.hourly, taxBreakdown: {} },
      ['taxBreakdown.sales', 'taxBreakdown.paymentMethods'],
    ],
  ];
  for (const [name, input, paths] of cases) {
    it(name, () => {
      const errors = reportSettingsErrors(input);
      assert.deepEqual(
        errors.map((e) => e.path),
        paths,
      );
      for (const error of errors)
        assert.match(error.message, /[ぁ-んァ-ン一-龥]/, 'a Japanese message');
    });
  }

  it('parseReportSettings trims the title and drops unknown keys; throws a validation error otherwise', () => {
    assert.deepEqual(parseReportSettings({ ...valid, title: ' 売上 ', extra: 1 }), {
      ...valid,
      title: '売上',
    });
    assert.throws(() => parseReportSettings({ ...valid, title: '' }), {
      code: 'validation_failed',
    });
  });
});

describe('effectiveReportSettings', () => {
  it('null is the defaults', () =>
    assert.deepEqual(effectiveReportSettings(null), defaultReportSettings));
  it('an end hour below the start (stored by PUT /stores) means the next morning', () => {
    assert.deepEqual(
      effectiveReportSettings({ ...valid, hourly: { enabled: true, startHour: 10, endHour: 2 } })
        .hourly,
      { enabled: true, startHour: 10, endHour: 26 },
    );
    assert.deepEqual(
      effectiveReportSettings({ ...valid, hourly: { enabled: true, startHour: 20, endHour: 8 } })
        .hourly,
      { enabled: true, startHour: 20, endHour: 29 },
    );
  });
});
