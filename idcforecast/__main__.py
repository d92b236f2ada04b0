"""``python -m idcforecast`` is the same as the ``idcforecast`` command."""

from idcforecast.cli import main

raise SystemExit(main())
