"""Tests of the printed-document framework: PDF layout, Excel twin, Vietnamese formatting."""
