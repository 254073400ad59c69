-- Web scraping sessions, page by page. Each has a background_jobs row of type
-- web_scraping. 'paused' and 'cancelled' extend the platform's session statuses so a
-- paused crawl is visible as such.
create table scraping_sessions (
  id uuid primary key,
  background_job_id uuid not null unique references background_jobs (id) on delete cascade,
  source_url text not null,
  status text not null default 'pending'
    check (status in ('pending', 'processing', 'scraping', 'paused', 'completed', 'failed',
                      'cancelled')),
  total_pages integer not null default 0 check (total_pages >= 0),
  completed_pages integer not null default 0 check (completed_pages >= 0),
  failed_pages integer not null default 0 check (failed_pages >= 0),
  materials_processed integer not null default 0 check (materials_processed >= 0),
  progress_percentage integer not null default 0 check (progress_percentage between 0 and 100),
  scraping_config jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  error_message text
);

-- One row per URL a session discovered: the frontier (pending, in_progress) and the
-- results (completed, failed, skipped). kind 'sitemap' rows are sitemap files, not pages.
create table scraping_pages (
  id uuid primary key,
  session_id uuid not null references scraping_sessions (id) on delete cascade,
  url text not null,
  kind text not null default 'page' check (kind in ('page', 'sitemap')),
  final_url text,
  status text not null default 'pending'
    check (status in ('pending', 'in_progress', 'completed', 'failed', 'skipped')),
  page_kind text,
  product_keys jsonb not null default '[]'::jsonb,
  http_status integer,
  depth integer not null default 0,
  content_hash text,
  materials_found integer not null default 0,
  error text,
  bytes integer,
  started_at timestamptz,
  finished_at timestamptz,
  duration_ms integer,
  -- Order in which results were recorded, for a resumed crawl to replay them.
  result_sequence bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (session_id, url)
);

create index scraping_pages_session_status_idx on scraping_pages (session_id, status);
create index scraping_pages_hash_idx on scraping_pages (session_id, content_hash);
