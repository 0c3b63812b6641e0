"""Lets `python -m kesher_desktop` start the app like the installed launcher."""

from kesher_desktop.app import main

raise SystemExit(main())
