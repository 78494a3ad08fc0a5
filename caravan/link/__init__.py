"""Links between records: near-duplicate articles, and (later) event clusters and movements."""
