-- Jobs of every type, with the platform's column names. The status and type lists match
-- main/jobs/job-vocabulary.ts.
create table background_jobs (
  id uuid primary key,
  job_type text not null
    check (job_type in ('pdf_processing', 'web_scraping', 'xml_import')),
  status text not null default 'pending'
    check (status in ('pending', 'processing', 'completed', 'failed', 'cancelled')),
  progress integer not null default 0 check (progress between 0 and 100),
  current_stage text,
  last_heartbeat timestamptz,
  document_id uuid,
  filename text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  failed_at timestamptz,
  updated_at timestamptz not null default now(),
  error text,
  retry_count integer not null default 0 check (retry_count >= 0),
  -- Earliest time a pending job may be claimed: set by retry backoff.
  next_attempt_at timestamptz
);

create index background_jobs_claim_idx on background_jobs (status, next_attempt_at, created_at);
create index background_jobs_type_status_idx on background_jobs (job_type, status);
create index background_jobs_document_idx on background_jobs (document_id);

-- Append-only history of a job: stage starts and checkpoints, failures, stalls, retries.
-- A stage's checkpoint is its 'completed' event.
create table job_stage_events (
  id uuid primary key,
  job_id uuid not null references background_jobs (id) on delete cascade,
  stage text,
  event text not null check (
    event in ('started', 'completed', 'failed', 'stalled', 'recovered', 'retry_scheduled',
              'cancelled')
  ),
  attempt integer not null default 0,
  detail jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default clock_timestamp()
);

create index job_stage_events_job_idx on job_stage_events (job_id, created_at);
