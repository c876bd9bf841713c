"""`python -m generator`: the same as the `consortium` command."""

from generator.cli import run

run()
