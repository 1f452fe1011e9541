import sys

try:
    # Absolute, not relative: PyInstaller runs this file as a top-level script.
    from kplan_desktop.cli import main
except KeyboardInterrupt:  # Ctrl+C while Python loads: nothing was done, no traceback
    sys.exit(130)

sys.exit(main())
