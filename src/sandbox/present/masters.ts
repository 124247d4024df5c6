// Master records as freee's responses shape them (components.schemas item, tag, section, partners…).
import type { items, partners, sections, segmentTags, tags } from '../db/schema.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/** `code` only where the company uses item codes (freee omits the key otherwise). */
export function presentItem(row: Row<typeof items>, useItemCode: boolean) {
  return {
    id: row.id,
    company_id: row.companyId,
    name: row.name,
    update_date: row.updateDate,
    available: row.available,
    shortcut1: row.shortcut1,
    shortcut2: row.shortcut2,
    ...(useItemCode ? { code: row.code } : {}),
  };
}

export function presentTag(row: Row<typeof tags>) {
  return {
    id: row.id,
    company_id: row.companyId,
    name: row.name,
    update_date: row.updateDate,
    shortcut1: row.shortcut1,
    shortcut2: row.shortcut2,
  };
}

export function presentSection(row: Row<typeof sections>) {
  return {
    id: row.id,
    name: row.name,
    available: row.available,
    long_name: row.longName,
    company_id: row.companyId,
    shortcut1: row.shortcut1,
    shortcut2: row.shortcut2,
    code: row.code,
    update_date: row.updateDate,
  };
}

export function presentSegmentTag(row: Row<typeof segmentTags>) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    shortcut1: row.shortcut1,
    shortcut2: row.shortcut2,
    update_date: row.updateDate,
  };
}

export function presentPartner(row: Row<typeof partners>) {
  return {
    id: row.id,
    code: row.code,
    company_id: row.companyId,
    name: row.name,
    update_date: row.updateDate,
    available: row.available,
    shortcut1: row.shortcut1,
    shortcut2: row.shortcut2,
    org_code: row.orgCode,
    country_code: row.countryCode,
    long_name: row.longName,
    name_kana: row.nameKana,
    default_title: null,
    phone: null,
    contact_name: null,
    email: null,
    payer_walletable_id: null,
    transfer_fee_handling_side: 'payer',
    qualified_invoice_issuer: false,
    invoice_registration_number: null,
    address_attributes: {
      zipcode: null,
      prefecture_code: null,
      street_name1: null,
      street_name2: null,
    },
    partner_doc_setting_attributes: { sending_method: null },
    partner_bank_account_attributes: {
      bank_name: null,
      bank_name_kana: null,
      bank_code: null,
      branch_name: null,
      branch_kana: null,
      branch_code: null,
      account_type: null,
      account_number: null,
      account_name: null,
      long_account_name: null,
    },
  };
}
