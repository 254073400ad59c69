create extension if not exists vector;

-- One row per distinct PDF, keyed by content hash so a re-ingest duplicates nothing.
create table documents (
  id uuid primary key,
  sha256 text not null unique,
  filename text not null,
  file_size bigint not null,
  page_count integer,
  encrypted boolean not null default false,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table document_pages (
  id uuid primary key,
  document_id uuid not null references documents (id) on delete cascade,
  page_number integer not null check (page_number >= 1),
  text text not null default '',
  has_text_layer boolean not null default true,
  width real,
  height real,
  image_path text,
  warnings jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (document_id, page_number)
);

create table document_chunks (
  id uuid primary key,
  document_id uuid not null references documents (id) on delete cascade,
  chunk_index integer not null,
  page_number integer not null,
  text text not null,
  char_start integer not null,
  char_end integer not null,
  embedding vector(256),
  embedding_model text,
  search tsvector generated always as (to_tsvector('simple', text)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (document_id, chunk_index)
);

create table document_tiles (
  id uuid primary key,
  document_id uuid not null references documents (id) on delete cascade,
  page_number integer not null,
  file_path text not null,
  x integer not null,
  y integer not null,
  width integer not null,
  height integer not null,
  embedding vector(256),
  embedding_model text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (document_id, page_number, x, y)
);

create index document_chunks_search_idx on document_chunks using gin (search);
