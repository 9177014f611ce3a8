"""Tests of the Excel import, export and template."""
