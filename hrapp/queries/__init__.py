"""Read side: list, search and report queries returning frozen rows."""
