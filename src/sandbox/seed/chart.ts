// The chart of accounts (勘定科目) of a new sandbox 法人. Names are freee's standard ones; category
// ids are the sandbox's own except 現金・預金 = 36, the id freee documents (API-NOTES §5).

export interface AccountCategory {
  id: number;
  name: string;
  path: readonly string[];
}

const category = (id: number, name: string, ...parents: string[]): AccountCategory => ({
  id,
  name,
  path: [...parents, name],
});

export const accountCategories = {
  cash: category(36, '現金・預金', '資産', '流動資産'),
  receivables: category(37, '売上債権', '資産', '流動資産'),
  otherCurrentAssets: category(38, 'その他流動資産', '資産', '流動資産'),
  payables: category(43, '仕入債務', '負債', '流動負債'),
  otherCurrentLiabilities: category(44, 'その他流動負債', '負債', '流動負債'),
  sales: category(1, '売上高', '収益'),
  costOfSales: category(2, '売上原価', '費用'),
  sga: category(3, '販売管理費', '費用'),
  nonOperatingIncome: category(4, '営業外収益', '収益'),
  nonOperatingExpenses: category(5, '営業外費用', '費用'),
} as const;

export type CategoryKey = keyof typeof accountCategories;

export interface AccountSeed {
  name: string;
  category: CategoryKey;
  taxCode: number;
  groupName: string;
  shortcut?: string;
  /** Counter accounts of unsettled deals (売掛金 for income, 未払金/買掛金 for expense). */
  incomeCounter?: string;
  expenseCounter?: string;
}

const pl = { incomeCounter: '売掛金', expenseCounter: '未払金' } as const;

export const accountSeeds: readonly AccountSeed[] = [
  { name: '現金', category: 'cash', taxCode: 2, groupName: '現金及び預金', shortcut: 'GENKIN' },
  { name: '普通預金', category: 'cash', taxCode: 2, groupName: '現金及び預金', shortcut: 'FUTSUU' },
  {
    name: '売掛金',
    category: 'receivables',
    taxCode: 2,
    groupName: '売掛金',
    shortcut: 'URIKAKE',
    ...pl,
  },
  {
    name: '仮払金',
    category: 'otherCurrentAssets',
    taxCode: 2,
    groupName: 'その他流動資産',
    ...pl,
  },
  {
    name: '未収入金',
    category: 'otherCurrentAssets',
    taxCode: 2,
    groupName: 'その他流動資産',
    ...pl,
  },
  {
    name: '現金過不足',
    category: 'otherCurrentAssets',
    taxCode: 2,
    groupName: 'その他流動資産',
    shortcut: 'KAFUSOKU',
    ...pl,
  },
  { name: '買掛金', category: 'payables', taxCode: 2, groupName: '買掛金', ...pl },
  { name: '未払金', category: 'otherCurrentLiabilities', taxCode: 2, groupName: '未払金', ...pl },
  {
    name: '前受金',
    category: 'otherCurrentLiabilities',
    taxCode: 2,
    groupName: '前受金',
    shortcut: 'MAEUKE',
    ...pl,
  },
  {
    name: '仮受金',
    category: 'otherCurrentLiabilities',
    taxCode: 2,
    groupName: 'その他流動負債',
    shortcut: 'KARIUKE',
    ...pl,
  },
  { name: '預り金', category: 'otherCurrentLiabilities', taxCode: 2, groupName: '預り金', ...pl },
  {
    name: '売上高',
    category: 'sales',
    taxCode: 129,
    groupName: '売上高',
    shortcut: 'URIAGE',
    ...pl,
  },
  {
    name: '仕入高',
    category: 'costOfSales',
    taxCode: 136,
    groupName: '当期商品仕入高',
    incomeCounter: '売掛金',
    expenseCounter: '買掛金',
  },
  {
    name: '支払手数料',
    category: 'sga',
    taxCode: 136,
    groupName: '販売費及び一般管理費',
    shortcut: 'TESURYO',
    ...pl,
  },
  { name: '消耗品費', category: 'sga', taxCode: 136, groupName: '販売費及び一般管理費', ...pl },
  { name: '通信費', category: 'sga', taxCode: 136, groupName: '販売費及び一般管理費', ...pl },
  { name: '雑費', category: 'sga', taxCode: 136, groupName: '販売費及び一般管理費', ...pl },
  { name: '受取利息', category: 'nonOperatingIncome', taxCode: 23, groupName: '受取利息', ...pl },
  {
    name: '雑収入',
    category: 'nonOperatingIncome',
    taxCode: 129,
    groupName: '雑収入',
    shortcut: 'ZATSUSHU',
    ...pl,
  },
  {
    name: '雑損失',
    category: 'nonOperatingExpenses',
    taxCode: 2,
    groupName: '雑損失',
    shortcut: 'ZATSUSON',
    ...pl,
  },
];
