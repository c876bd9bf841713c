"""The clause library: versioned YAML clauses, loaded and validated as a whole."""
