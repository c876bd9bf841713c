"""consortium: founding documents for Dutch youth-care consortia (taakgerichte bekostiging)."""

__version__ = "0.1.0"
