-- Feed imports (XML, CSV, JSON). Each has a background_jobs row of type xml_import; the
-- counters move as products are committed in batches.
create table data_import_jobs (
  id uuid primary key,
  background_job_id uuid not null unique references background_jobs (id) on delete cascade,
  source_name text not null,
  import_type text not null check (import_type in ('xml', 'csv', 'json')),
  status text not null default 'pending'
    check (status in ('pending', 'processing', 'completed', 'failed', 'cancelled')),
  file_path text not null,
  encoding text,
  preset text,
  total_products integer not null default 0 check (total_products >= 0),
  processed_products integer not null default 0 check (processed_products >= 0),
  failed_products integer not null default 0 check (failed_products >= 0),
  -- Row number of the last record in the last committed batch: a resumed import skips to it.
  last_committed_row integer not null default 0,
  field_mappings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  error_message text
);

-- Row-level failures; they never abort an import.
create table import_row_failures (
  id uuid primary key,
  data_import_job_id uuid not null references data_import_jobs (id) on delete cascade,
  row_number integer not null,
  line integer,
  field text not null default '',
  reason text not null,
  raw_value text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (data_import_job_id, row_number, field)
);

-- A supplier's saved mapping, reused for the next feed with the same fields.
create table import_mapping_templates (
  id uuid primary key,
  supplier text not null,
  field_signature text not null,
  import_type text not null check (import_type in ('xml', 'csv', 'json')),
  field_mappings jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (supplier, field_signature)
);
