"""The order list without UI: filters, paging, saved views, the session and its problems."""
