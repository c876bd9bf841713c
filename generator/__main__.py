"""`python -m generator`: the same as the `consortium` command."""

from generator.cli import main

raise SystemExit(main())
