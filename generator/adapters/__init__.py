"""Adapters: the only modules that import third-party libraries with a wide API surface."""
