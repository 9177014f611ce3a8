"""hrapp: personnel management for Vietnamese public-sector departments (Qt-free core)."""

from __future__ import annotations

__version__ = "0.1.0"
