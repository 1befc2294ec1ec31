"""Tree files from disk to checked models: reading, checking, caching, finding; writing results."""
