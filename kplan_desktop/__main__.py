import sys

# Absolute, not relative: PyInstaller runs this file as a top-level script.
from kplan_desktop.cli import main

sys.exit(main())
