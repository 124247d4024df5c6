// How a fraction of a yen is rounded (端数処理), one setting per company: 切り捨て, 四捨五入, 切り上げ.
export const roundingModes = ['floor', 'half-up', 'ceil'] as const;
export type RoundingMode = (typeof roundingModes)[number];
