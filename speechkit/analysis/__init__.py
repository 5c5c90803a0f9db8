"""Corpus-level analysis: comparisons across many files' records (trend, diff, distinctive
keywords, slogans summed over a batch, report data). Pure functions over the flat record
dicts of ``speechkit.records`` and the file summaries of ``api.file_summary``; nothing here
reads a file or runs an extractor."""
