// The company object of GET /api/1/companies/{id} (components.schemas.companyResponse).
import type { companies, fiscalYears } from '../db/schema.js';

type Company = typeof companies.$inferSelect;
type FiscalYear = typeof fiscalYears.$inferSelect;

/** companies' role enum has no product_linkage; report it as read_only. */
export function companyRole(role: string): string {
  return role === 'product_linkage' ? 'read_only' : role;
}

export function presentFiscalYear(fy: FiscalYear) {
  return {
    id: fy.id,
    use_industry_template: false,
    indirect_write_off_method: false,
    start_date: fy.startDate,
    end_date: fy.endDate,
    depreciation_record_method: 0,
    tax_method: fy.taxMethod,
    sales_tax_business_code: fy.salesTaxBusinessCode,
    tax_fraction: fy.taxFraction,
    tax_account_method: fy.taxAccountMethod,
    return_code: 0,
    is_closed: fy.isClosed,
    month_end_date: fy.monthEndDate,
    temp_month_end_date: fy.tempMonthEndDate,
  };
}

export function presentCompany(company: Company, role: string, years: readonly FiscalYear[]) {
  return {
    id: company.id,
    name: company.name,
    name_kana: company.nameKana,
    display_name: company.displayName,
    tax_at_source_calc_type: 0,
    contact_name: null,
    head_count: null,
    corporate_number: '',
    txn_number_format: 'not_used',
    default_wallet_account_id: null,
    private_settlement: false,
    minus_format: 0,
    org_code: company.orgCode,
    company_number: company.companyNumber,
    role: companyRole(role),
    phone1: null,
    phone2: null,
    fax: null,
    zipcode: null,
    prefecture_code: null,
    street_name1: null,
    street_name2: null,
    invoice_layout: 'default_classic',
    amount_fraction: company.amountFraction,
    use_partner_code: company.usePartnerCode,
    industry_class: null,
    industry_code: null,
    workflow_setting: 'disable',
    fiscal_years: years.map(presentFiscalYear),
  };
}
