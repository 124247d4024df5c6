// Named errors of deal building. Each carries an English message for logs and `messageJa` for the
// user (連携結果 screen), and names the field or figure at fault.

/** The company's mappings cannot post this day (a method without a partner, a missing id, …). */
export class PostingMappingError extends Error {
  constructor(
    message: string,
    readonly messageJa: string,
  ) {
    super(message);
    this.name = 'PostingMappingError';
  }
}

/** The 日報 cannot be posted as it is (no close yet, figures that contradict each other). */
export class PostingInputError extends Error {
  constructor(
    message: string,
    readonly messageJa: string,
  ) {
    super(message);
    this.name = 'PostingInputError';
  }
}

/** A settlement schedule outside the vocabulary (a cut-off day 0, a payment before the cut-off, …). */
export class SettlementScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettlementScheduleError';
  }
}

/** The tax of a category cannot be split over lines of the same sign without a line's vat exceeding its amount. */
export class VatAllocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VatAllocationError';
  }
}

/** A ref_number longer than `refNumberLengthMax` (store or method codes too long). */
export class RefNumberTooLongError extends Error {
  constructor(
    readonly refNumber: string,
    readonly lengthMax: number,
  ) {
    super(`ref_number ${refNumber} is longer than ${lengthMax} characters`);
    this.name = 'RefNumberTooLongError';
  }
}
