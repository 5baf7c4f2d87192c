"""Tests written against mutmut's survivors in argmap/load (docs/testing.md)."""
