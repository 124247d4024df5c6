CREATE TABLE "store_day_sum_deltas" (
	"store_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"kind" smallint NOT NULL,
	"status" text DEFAULT '' NOT NULL,
	"fig_key" text DEFAULT '' NOT NULL,
	"pos" bigint DEFAULT 0 NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	"v01" bigint DEFAULT 0 NOT NULL,
	"v02" bigint DEFAULT 0 NOT NULL,
	"v03" bigint DEFAULT 0 NOT NULL,
	"v04" bigint DEFAULT 0 NOT NULL,
	"v05" bigint DEFAULT 0 NOT NULL,
	"v06" bigint DEFAULT 0 NOT NULL,
	"v07" bigint DEFAULT 0 NOT NULL,
	"v08" bigint DEFAULT 0 NOT NULL,
	"v09" bigint DEFAULT 0 NOT NULL,
	"v10" bigint DEFAULT 0 NOT NULL,
	"v11" bigint DEFAULT 0 NOT NULL,
	"v12" bigint DEFAULT 0 NOT NULL,
	"v13" bigint DEFAULT 0 NOT NULL,
	"v14" bigint DEFAULT 0 NOT NULL,
	"v15" bigint DEFAULT 0 NOT NULL,
	"v16" bigint DEFAULT 0 NOT NULL,
	"v17" bigint DEFAULT 0 NOT NULL,
	"v18" bigint DEFAULT 0 NOT NULL,
	"v19" bigint DEFAULT 0 NOT NULL,
	"v20" bigint DEFAULT 0 NOT NULL,
	"v21" bigint DEFAULT 0 NOT NULL,
	"v22" bigint DEFAULT 0 NOT NULL,
	"v23" bigint DEFAULT 0 NOT NULL,
	"v24" bigint DEFAULT 0 NOT NULL,
	"v25" bigint DEFAULT 0 NOT NULL,
	"v26" bigint DEFAULT 0 NOT NULL,
	"v27" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "store_day_sum_deltas_store_day" ON "store_day_sum_deltas" USING btree ("store_id","business_date");--> statement-breakpoint
CREATE INDEX "checkouts_store_day_last" ON "checkouts" USING btree ("store_id","business_date","fig_completed_key" collate "C") WHERE "checkouts"."status" = 'completed';
--> statement-breakpoint
-- The 日報's day aggregate (docs/report.md "Day aggregate"): statement-level triggers on checkouts append
-- one delta row per group and statement to store_day_sum_deltas (the new rows' sums minus the old rows').
-- The sums are those the report used to compute over the day's rows (kinds: 0 per status and fig_key,
-- 1 per 15-minute bucket, 2 per method position, 3 per matrix position; layout in schema/report.ts).
-- Inserted rows (also the insert part of INSERT … ON CONFLICT).
CREATE FUNCTION store_day_sums_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  with r as (select 1::bigint as s, n.* from new_rows n)
  insert into store_day_sum_deltas (store_id, business_date, kind, status, fig_key, pos, n, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27)
  select g.* from (
    select r.store_id, r.business_date, 0::smallint, r.status, coalesce(r.fig_key, ''), 0::bigint, sum(r.s),
        sum(r.s * coalesce(r.fig_total, 0)),
        sum(r.s * coalesce(r.fig_sales10, 0)),
        sum(r.s * coalesce(r.fig_sales8, 0)),
        sum(r.s * coalesce(r.fig_sales0, 0)),
        sum(r.s * coalesce(r.fig_tax10, 0)),
        sum(r.s * coalesce(r.fig_tax8, 0)),
        sum(r.s * coalesce(r.fig_tax0, 0)),
        sum(r.s * coalesce(r.fig_net10, 0)),
        sum(r.s * coalesce(r.fig_net8, 0)),
        sum(r.s * coalesce(r.fig_net0, 0)),
        sum(r.s * coalesce(r.fig_non_sales, 0)),
        sum(r.s * coalesce(r.fig_customers, 0)),
        sum(r.s * coalesce(r.fig_items, 0)),
        coalesce(sum(r.s) filter (where r.fig_short > 0), 0),
        coalesce(sum(r.s * r.fig_short) filter (where r.fig_short > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_voucher_change > 0), 0),
        coalesce(sum(r.s * r.fig_voucher_change) filter (where r.fig_voucher_change > 0), 0),
        coalesce(sum(r.s * r.fig_line_discounts) filter (where r.fig_line_discounts > 0), 0),
        coalesce(sum(r.s * r.fig_line_discount_yen) filter (where r.fig_line_discounts > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_order_discount > 0), 0),
        coalesce(sum(r.s * r.fig_order_discount) filter (where r.fig_order_discount > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s * r.fig_return_items) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s * r.fig_return_yen) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_total < 0), 0),
        coalesce(sum(r.s * r.fig_refund_payments) filter (where r.fig_total < 0), 0),
        coalesce(sum(r.s * r.fig_refund_yen) filter (where r.fig_total < 0), 0)
      from r group by r.store_id, r.business_date, r.status, coalesce(r.fig_key, '')
    union all
    select r.store_id, r.business_date, 1::smallint, '', '', (r.fig_completed_ms + 4000000000000::bigint * 900000) / 900000, sum(r.s),
        sum(r.s * coalesce(r.fig_total, 0)), sum(r.s * coalesce(r.fig_customers, 0)), sum(r.s * coalesce(r.fig_items, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r where r.status = 'completed' and r.fig_completed_ms is not null
      group by r.store_id, r.business_date, (r.fig_completed_ms + 4000000000000::bigint * 900000) / 900000
    union all
    select r.store_id, r.business_date, 2::smallint, '', '', m.pos, sum(r.s),
        sum(r.s * coalesce(m.tenders, 0)), sum(r.s * coalesce(m.yen, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r cross join lateral (
          select r.fig_m1_pos, r.fig_m1_tenders, r.fig_m1_yen
          union all select r.fig_m2_pos, r.fig_m2_tenders, r.fig_m2_yen
          union all select * from unnest(r.fig_method_pos, r.fig_method_tenders, r.fig_method_yen)) m(pos, tenders, yen)
      where r.status = 'completed' and m.pos is not null
      group by r.store_id, r.business_date, m.pos
    union all
    select r.store_id, r.business_date, 3::smallint, '', '', x.pos, sum(r.s),
        sum(r.s * coalesce(x.y10, 0)), sum(r.s * coalesce(x.y8, 0)), sum(r.s * coalesce(x.y0, 0)), sum(r.s * coalesce(x.ynon, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r cross join lateral (
          select r.fig_x1_pos, r.fig_x1_10, r.fig_x1_8, r.fig_x1_0, r.fig_x1_non
          union all select r.fig_x2_pos, r.fig_x2_10, r.fig_x2_8, r.fig_x2_0, r.fig_x2_non
          union all select * from unnest(r.fig_matrix_pos, r.fig_matrix10, r.fig_matrix8, r.fig_matrix0, r.fig_matrix_non)) x(pos, y10, y8, y0, ynon)
      where r.status = 'completed' and x.pos is not null
      group by r.store_id, r.business_date, x.pos
  ) g (store_id, business_date, kind, status, fig_key, pos, n, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27)
  where g.n <> 0 or g.v01 <> 0 or g.v02 <> 0 or g.v03 <> 0 or g.v04 <> 0 or g.v05 <> 0 or g.v06 <> 0 or g.v07 <> 0 or g.v08 <> 0 or g.v09 <> 0 or g.v10 <> 0 or g.v11 <> 0 or g.v12 <> 0 or g.v13 <> 0 or g.v14 <> 0 or g.v15 <> 0 or g.v16 <> 0 or g.v17 <> 0 or g.v18 <> 0 or g.v19 <> 0 or g.v20 <> 0 or g.v21 <> 0 or g.v22 <> 0 or g.v23 <> 0 or g.v24 <> 0 or g.v25 <> 0 or g.v26 <> 0 or g.v27 <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Updated rows: + the new version, − the old one (any column may have changed, store and date included).
CREATE FUNCTION store_day_sums_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  with r as (select 1::bigint as s, n.* from new_rows n union all select -1::bigint, o.* from old_rows o)
  insert into store_day_sum_deltas (store_id, business_date, kind, status, fig_key, pos, n, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27)
  select g.* from (
    select r.store_id, r.business_date, 0::smallint, r.status, coalesce(r.fig_key, ''), 0::bigint, sum(r.s),
        sum(r.s * coalesce(r.fig_total, 0)),
        sum(r.s * coalesce(r.fig_sales10, 0)),
        sum(r.s * coalesce(r.fig_sales8, 0)),
        sum(r.s * coalesce(r.fig_sales0, 0)),
        sum(r.s * coalesce(r.fig_tax10, 0)),
        sum(r.s * coalesce(r.fig_tax8, 0)),
        sum(r.s * coalesce(r.fig_tax0, 0)),
        sum(r.s * coalesce(r.fig_net10, 0)),
        sum(r.s * coalesce(r.fig_net8, 0)),
        sum(r.s * coalesce(r.fig_net0, 0)),
        sum(r.s * coalesce(r.fig_non_sales, 0)),
        sum(r.s * coalesce(r.fig_customers, 0)),
        sum(r.s * coalesce(r.fig_items, 0)),
        coalesce(sum(r.s) filter (where r.fig_short > 0), 0),
        coalesce(sum(r.s * r.fig_short) filter (where r.fig_short > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_voucher_change > 0), 0),
        coalesce(sum(r.s * r.fig_voucher_change) filter (where r.fig_voucher_change > 0), 0),
        coalesce(sum(r.s * r.fig_line_discounts) filter (where r.fig_line_discounts > 0), 0),
        coalesce(sum(r.s * r.fig_line_discount_yen) filter (where r.fig_line_discounts > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_order_discount > 0), 0),
        coalesce(sum(r.s * r.fig_order_discount) filter (where r.fig_order_discount > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s * r.fig_return_items) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s * r.fig_return_yen) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_total < 0), 0),
        coalesce(sum(r.s * r.fig_refund_payments) filter (where r.fig_total < 0), 0),
        coalesce(sum(r.s * r.fig_refund_yen) filter (where r.fig_total < 0), 0)
      from r group by r.store_id, r.business_date, r.status, coalesce(r.fig_key, '')
    union all
    select r.store_id, r.business_date, 1::smallint, '', '', (r.fig_completed_ms + 4000000000000::bigint * 900000) / 900000, sum(r.s),
        sum(r.s * coalesce(r.fig_total, 0)), sum(r.s * coalesce(r.fig_customers, 0)), sum(r.s * coalesce(r.fig_items, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r where r.status = 'completed' and r.fig_completed_ms is not null
      group by r.store_id, r.business_date, (r.fig_completed_ms + 4000000000000::bigint * 900000) / 900000
    union all
    select r.store_id, r.business_date, 2::smallint, '', '', m.pos, sum(r.s),
        sum(r.s * coalesce(m.tenders, 0)), sum(r.s * coalesce(m.yen, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r cross join lateral (
          select r.fig_m1_pos, r.fig_m1_tenders, r.fig_m1_yen
          union all select r.fig_m2_pos, r.fig_m2_tenders, r.fig_m2_yen
          union all select * from unnest(r.fig_method_pos, r.fig_method_tenders, r.fig_method_yen)) m(pos, tenders, yen)
      where r.status = 'completed' and m.pos is not null
      group by r.store_id, r.business_date, m.pos
    union all
    select r.store_id, r.business_date, 3::smallint, '', '', x.pos, sum(r.s),
        sum(r.s * coalesce(x.y10, 0)), sum(r.s * coalesce(x.y8, 0)), sum(r.s * coalesce(x.y0, 0)), sum(r.s * coalesce(x.ynon, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r cross join lateral (
          select r.fig_x1_pos, r.fig_x1_10, r.fig_x1_8, r.fig_x1_0, r.fig_x1_non
          union all select r.fig_x2_pos, r.fig_x2_10, r.fig_x2_8, r.fig_x2_0, r.fig_x2_non
          union all select * from unnest(r.fig_matrix_pos, r.fig_matrix10, r.fig_matrix8, r.fig_matrix0, r.fig_matrix_non)) x(pos, y10, y8, y0, ynon)
      where r.status = 'completed' and x.pos is not null
      group by r.store_id, r.business_date, x.pos
  ) g (store_id, business_date, kind, status, fig_key, pos, n, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27)
  where g.n <> 0 or g.v01 <> 0 or g.v02 <> 0 or g.v03 <> 0 or g.v04 <> 0 or g.v05 <> 0 or g.v06 <> 0 or g.v07 <> 0 or g.v08 <> 0 or g.v09 <> 0 or g.v10 <> 0 or g.v11 <> 0 or g.v12 <> 0 or g.v13 <> 0 or g.v14 <> 0 or g.v15 <> 0 or g.v16 <> 0 or g.v17 <> 0 or g.v18 <> 0 or g.v19 <> 0 or g.v20 <> 0 or g.v21 <> 0 or g.v22 <> 0 or g.v23 <> 0 or g.v24 <> 0 or g.v25 <> 0 or g.v26 <> 0 or g.v27 <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Deleted rows.
CREATE FUNCTION store_day_sums_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  with r as (select -1::bigint as s, o.* from old_rows o)
  insert into store_day_sum_deltas (store_id, business_date, kind, status, fig_key, pos, n, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27)
  select g.* from (
    select r.store_id, r.business_date, 0::smallint, r.status, coalesce(r.fig_key, ''), 0::bigint, sum(r.s),
        sum(r.s * coalesce(r.fig_total, 0)),
        sum(r.s * coalesce(r.fig_sales10, 0)),
        sum(r.s * coalesce(r.fig_sales8, 0)),
        sum(r.s * coalesce(r.fig_sales0, 0)),
        sum(r.s * coalesce(r.fig_tax10, 0)),
        sum(r.s * coalesce(r.fig_tax8, 0)),
        sum(r.s * coalesce(r.fig_tax0, 0)),
        sum(r.s * coalesce(r.fig_net10, 0)),
        sum(r.s * coalesce(r.fig_net8, 0)),
        sum(r.s * coalesce(r.fig_net0, 0)),
        sum(r.s * coalesce(r.fig_non_sales, 0)),
        sum(r.s * coalesce(r.fig_customers, 0)),
        sum(r.s * coalesce(r.fig_items, 0)),
        coalesce(sum(r.s) filter (where r.fig_short > 0), 0),
        coalesce(sum(r.s * r.fig_short) filter (where r.fig_short > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_voucher_change > 0), 0),
        coalesce(sum(r.s * r.fig_voucher_change) filter (where r.fig_voucher_change > 0), 0),
        coalesce(sum(r.s * r.fig_line_discounts) filter (where r.fig_line_discounts > 0), 0),
        coalesce(sum(r.s * r.fig_line_discount_yen) filter (where r.fig_line_discounts > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_order_discount > 0), 0),
        coalesce(sum(r.s * r.fig_order_discount) filter (where r.fig_order_discount > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s * r.fig_return_items) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s * r.fig_return_yen) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_total < 0), 0),
        coalesce(sum(r.s * r.fig_refund_payments) filter (where r.fig_total < 0), 0),
        coalesce(sum(r.s * r.fig_refund_yen) filter (where r.fig_total < 0), 0)
      from r group by r.store_id, r.business_date, r.status, coalesce(r.fig_key, '')
    union all
    select r.store_id, r.business_date, 1::smallint, '', '', (r.fig_completed_ms + 4000000000000::bigint * 900000) / 900000, sum(r.s),
        sum(r.s * coalesce(r.fig_total, 0)), sum(r.s * coalesce(r.fig_customers, 0)), sum(r.s * coalesce(r.fig_items, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r where r.status = 'completed' and r.fig_completed_ms is not null
      group by r.store_id, r.business_date, (r.fig_completed_ms + 4000000000000::bigint * 900000) / 900000
    union all
    select r.store_id, r.business_date, 2::smallint, '', '', m.pos, sum(r.s),
        sum(r.s * coalesce(m.tenders, 0)), sum(r.s * coalesce(m.yen, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r cross join lateral (
          select r.fig_m1_pos, r.fig_m1_tenders, r.fig_m1_yen
          union all select r.fig_m2_pos, r.fig_m2_tenders, r.fig_m2_yen
          union all select * from unnest(r.fig_method_pos, r.fig_method_tenders, r.fig_method_yen)) m(pos, tenders, yen)
      where r.status = 'completed' and m.pos is not null
      group by r.store_id, r.business_date, m.pos
    union all
    select r.store_id, r.business_date, 3::smallint, '', '', x.pos, sum(r.s),
        sum(r.s * coalesce(x.y10, 0)), sum(r.s * coalesce(x.y8, 0)), sum(r.s * coalesce(x.y0, 0)), sum(r.s * coalesce(x.ynon, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r cross join lateral (
          select r.fig_x1_pos, r.fig_x1_10, r.fig_x1_8, r.fig_x1_0, r.fig_x1_non
          union all select r.fig_x2_pos, r.fig_x2_10, r.fig_x2_8, r.fig_x2_0, r.fig_x2_non
          union all select * from unnest(r.fig_matrix_pos, r.fig_matrix10, r.fig_matrix8, r.fig_matrix0, r.fig_matrix_non)) x(pos, y10, y8, y0, ynon)
      where r.status = 'completed' and x.pos is not null
      group by r.store_id, r.business_date, x.pos
  ) g (store_id, business_date, kind, status, fig_key, pos, n, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27)
  where g.n <> 0 or g.v01 <> 0 or g.v02 <> 0 or g.v03 <> 0 or g.v04 <> 0 or g.v05 <> 0 or g.v06 <> 0 or g.v07 <> 0 or g.v08 <> 0 or g.v09 <> 0 or g.v10 <> 0 or g.v11 <> 0 or g.v12 <> 0 or g.v13 <> 0 or g.v14 <> 0 or g.v15 <> 0 or g.v16 <> 0 or g.v17 <> 0 or g.v18 <> 0 or g.v19 <> 0 or g.v20 <> 0 or g.v21 <> 0 or g.v22 <> 0 or g.v23 <> 0 or g.v24 <> 0 or g.v25 <> 0 or g.v26 <> 0 or g.v27 <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION store_day_sums_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  delete from store_day_sum_deltas;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER checkouts_day_sums_insert AFTER INSERT ON checkouts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION store_day_sums_after_insert();--> statement-breakpoint
CREATE TRIGGER checkouts_day_sums_update AFTER UPDATE ON checkouts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION store_day_sums_after_update();--> statement-breakpoint
CREATE TRIGGER checkouts_day_sums_delete AFTER DELETE ON checkouts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION store_day_sums_after_delete();--> statement-breakpoint
CREATE TRIGGER checkouts_day_sums_truncate AFTER TRUNCATE ON checkouts
  FOR EACH STATEMENT EXECUTE FUNCTION store_day_sums_after_truncate();--> statement-breakpoint
-- The rows stored before this migration (with or without figures), in the same transaction as the triggers.
with r as (select 1::bigint as s, k.* from checkouts k)
insert into store_day_sum_deltas (store_id, business_date, kind, status, fig_key, pos, n, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27)
  select g.* from (
    select r.store_id, r.business_date, 0::smallint, r.status, coalesce(r.fig_key, ''), 0::bigint, sum(r.s),
        sum(r.s * coalesce(r.fig_total, 0)),
        sum(r.s * coalesce(r.fig_sales10, 0)),
        sum(r.s * coalesce(r.fig_sales8, 0)),
        sum(r.s * coalesce(r.fig_sales0, 0)),
        sum(r.s * coalesce(r.fig_tax10, 0)),
        sum(r.s * coalesce(r.fig_tax8, 0)),
        sum(r.s * coalesce(r.fig_tax0, 0)),
        sum(r.s * coalesce(r.fig_net10, 0)),
        sum(r.s * coalesce(r.fig_net8, 0)),
        sum(r.s * coalesce(r.fig_net0, 0)),
        sum(r.s * coalesce(r.fig_non_sales, 0)),
        sum(r.s * coalesce(r.fig_customers, 0)),
        sum(r.s * coalesce(r.fig_items, 0)),
        coalesce(sum(r.s) filter (where r.fig_short > 0), 0),
        coalesce(sum(r.s * r.fig_short) filter (where r.fig_short > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_voucher_change > 0), 0),
        coalesce(sum(r.s * r.fig_voucher_change) filter (where r.fig_voucher_change > 0), 0),
        coalesce(sum(r.s * r.fig_line_discounts) filter (where r.fig_line_discounts > 0), 0),
        coalesce(sum(r.s * r.fig_line_discount_yen) filter (where r.fig_line_discounts > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_order_discount > 0), 0),
        coalesce(sum(r.s * r.fig_order_discount) filter (where r.fig_order_discount > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s * r.fig_return_items) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s * r.fig_return_yen) filter (where r.fig_return_lines > 0), 0),
        coalesce(sum(r.s) filter (where r.fig_total < 0), 0),
        coalesce(sum(r.s * r.fig_refund_payments) filter (where r.fig_total < 0), 0),
        coalesce(sum(r.s * r.fig_refund_yen) filter (where r.fig_total < 0), 0)
      from r group by r.store_id, r.business_date, r.status, coalesce(r.fig_key, '')
    union all
    select r.store_id, r.business_date, 1::smallint, '', '', (r.fig_completed_ms + 4000000000000::bigint * 900000) / 900000, sum(r.s),
        sum(r.s * coalesce(r.fig_total, 0)), sum(r.s * coalesce(r.fig_customers, 0)), sum(r.s * coalesce(r.fig_items, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r where r.status = 'completed' and r.fig_completed_ms is not null
      group by r.store_id, r.business_date, (r.fig_completed_ms + 4000000000000::bigint * 900000) / 900000
    union all
    select r.store_id, r.business_date, 2::smallint, '', '', m.pos, sum(r.s),
        sum(r.s * coalesce(m.tenders, 0)), sum(r.s * coalesce(m.yen, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r cross join lateral (
          select r.fig_m1_pos, r.fig_m1_tenders, r.fig_m1_yen
          union all select r.fig_m2_pos, r.fig_m2_tenders, r.fig_m2_yen
          union all select * from unnest(r.fig_method_pos, r.fig_method_tenders, r.fig_method_yen)) m(pos, tenders, yen)
      where r.status = 'completed' and m.pos is not null
      group by r.store_id, r.business_date, m.pos
    union all
    select r.store_id, r.business_date, 3::smallint, '', '', x.pos, sum(r.s),
        sum(r.s * coalesce(x.y10, 0)), sum(r.s * coalesce(x.y8, 0)), sum(r.s * coalesce(x.y0, 0)), sum(r.s * coalesce(x.ynon, 0)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from r cross join lateral (
          select r.fig_x1_pos, r.fig_x1_10, r.fig_x1_8, r.fig_x1_0, r.fig_x1_non
          union all select r.fig_x2_pos, r.fig_x2_10, r.fig_x2_8, r.fig_x2_0, r.fig_x2_non
          union all select * from unnest(r.fig_matrix_pos, r.fig_matrix10, r.fig_matrix8, r.fig_matrix0, r.fig_matrix_non)) x(pos, y10, y8, y0, ynon)
      where r.status = 'completed' and x.pos is not null
      group by r.store_id, r.business_date, x.pos
  ) g (store_id, business_date, kind, status, fig_key, pos, n, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27)
  where g.n <> 0 or g.v01 <> 0 or g.v02 <> 0 or g.v03 <> 0 or g.v04 <> 0 or g.v05 <> 0 or g.v06 <> 0 or g.v07 <> 0 or g.v08 <> 0 or g.v09 <> 0 or g.v10 <> 0 or g.v11 <> 0 or g.v12 <> 0 or g.v13 <> 0 or g.v14 <> 0 or g.v15 <> 0 or g.v16 <> 0 or g.v17 <> 0 or g.v18 <> 0 or g.v19 <> 0 or g.v20 <> 0 or g.v21 <> 0 or g.v22 <> 0 or g.v23 <> 0 or g.v24 <> 0 or g.v25 <> 0 or g.v26 <> 0 or g.v27 <> 0;
