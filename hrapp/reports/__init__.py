"""Printed documents (ReportLab PDF) and Excel writers, one module per document."""
