"""Order-building logic shared by the TUI wizard and the CLI: parsing, checks, dates, drafts."""
