"""PySide6 user interface over the hrapp services."""
