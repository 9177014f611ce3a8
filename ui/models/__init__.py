"""UI models."""
