"""Reading corpora: files, folders and archives into article records."""
