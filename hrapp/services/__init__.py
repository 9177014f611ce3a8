"""Use cases: one user action = one function = one unit of work."""
