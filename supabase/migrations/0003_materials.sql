-- Materials from every pipeline. dedupe_key makes a rerun of the same source an update in
-- place: PDF materials key on document + code or name + page, imports on source + SKU or a
-- content hash, scrapes on site + SKU or URL.
create table materials (
  id uuid primary key,
  dedupe_key text not null unique,
  name text not null,
  sku text,
  category text,
  material_type text,
  dimensions text,
  thickness text,
  finish text,
  color text,
  price numeric(14, 4),
  currency text,
  manufacturer text,
  source_type text not null check (source_type in ('pdf', 'import', 'scrape')),
  source_name text,
  source_url text,
  document_id uuid references documents (id) on delete set null,
  page_number integer,
  job_id uuid references background_jobs (id) on delete set null,
  confidence real not null default 0 check (confidence between 0 and 1),
  attributes jsonb not null default '{}'::jsonb,
  search tsvector generated always as (
    to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(sku, '') || ' ' ||
      coalesce(category, '') || ' ' || coalesce(manufacturer, ''))
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index materials_document_idx on materials (document_id, page_number);
create index materials_job_idx on materials (job_id);
create index materials_search_idx on materials using gin (search);

-- Which page tiles show a material; filled by the materials_linked stage.
create table material_tiles (
  id uuid primary key,
  material_id uuid not null references materials (id) on delete cascade,
  tile_id uuid not null references document_tiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (material_id, tile_id)
);
