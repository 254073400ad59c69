-- Approximate nearest-neighbour indexes; pgvector keeps them current on every insert.
create index document_chunks_embedding_idx on document_chunks
  using hnsw (embedding vector_cosine_ops);
create index document_tiles_embedding_idx on document_tiles
  using hnsw (embedding vector_cosine_ops);
