// GET /api/1/users/capabilities: one entry per feature, each with the operations its schema lists
// (components.schemas.userCapability*). Values follow the member's role.
import type { SandboxRole } from './company.js';

type Op =
  'read' | 'create' | 'update' | 'destroy' | 'write' | 'confirm' | 'sync' | 'allowed_target';

const crud: Op[] = ['read', 'create', 'update', 'destroy'];
const shapes: Record<string, Op[]> = {
  full: crud,
  selfOnly: [...crud, 'allowed_target'],
  confirm: ['confirm', ...crud],
  read: ['read'],
  create: ['create'],
  createRead: ['create', 'read'],
  write: ['write'],
  readWrite: ['read', 'write'],
  readUpdate: ['read', 'update'],
  sync: [...crud, 'sync'],
  withWrite: [...crud, 'write'],
  update: ['update'],
  readUpdateDestroy: ['read', 'update', 'destroy'],
  justConfirm: ['confirm'],
};

const features: Record<keyof typeof shapes, string> = {
  full: 'deal_linkage fixed_assets inventory_refreshes biz_allocations payment_records invitations partners items sections tags account_items payroll_item_sets user_matchers deal_templates manual_journal_templates approval_flow_routes expense_application_templates request_forms oauth_applications oauth_authorizations division_tag_1 division_tag_2 division_tag_3 currencies proxy_application_settings bank_accountant_staff_users',
  selfOnly:
    'deals transfers docs receipts expense_applications payment_requests payment_request_templates approval_requests purchase_requests suspense_payments manual_journals',
  confirm: 'wallet_txns',
  read: 'receipt_stream_editor reports reports_income_expense reports_receivables reports_cash_balance reports_managements_introduction reports_custom_reports_aggregate reports_pl reports_bs reports_general_ledgers reports_journals annual_reports consolidation tax_reports consumption_entries tax_return account_item_statements month_end sign_in_logs user_attribute_logs app_role_logs txn_relationship_logs backups system_conversion resets system_messages_for_admin doc_change_logs entries_reviews',
  create: 'doc_postings expense_application_sync_payroll',
  createRead: 'spreadsheets',
  write: 'manage_bulk_expense_application_approvals',
  readWrite:
    'reports_payables reports_purchase_budgets reports_managements_planning reports_managements_navigation',
  readUpdate: 'year_end companies opening_balances taxes cost_allocations',
  sync: 'walletables',
  withWrite: 'access_controls',
  update: 'company_internal_announcements',
  readUpdateDestroy: 'workflows',
  justConfirm: 'freee_cards_stream',
};

function allowed(role: SandboxRole, op: Op): boolean {
  if (role === 'admin' || role === 'simple_accounting') return true;
  if (role === 'self_only')
    return op === 'read' || op === 'create' || op === 'update' || op === 'destroy';
  return op === 'read';
}

export function capabilitiesFor(
  role: SandboxRole,
): Record<string, Record<string, boolean | string>> {
  const result: Record<string, Record<string, boolean | string>> = {};
  for (const [shape, names] of Object.entries(features)) {
    for (const name of names.split(' ')) {
      const entry: Record<string, boolean | string> = {};
      for (const op of shapes[shape] ?? []) {
        entry[op] =
          op === 'allowed_target'
            ? role === 'self_only'
              ? 'self_only'
              : 'all'
            : allowed(role, op);
      }
      result[name] = entry;
    }
  }
  return result;
}
