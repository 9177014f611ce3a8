"""Plain business rules and value objects; no database, no Qt."""
