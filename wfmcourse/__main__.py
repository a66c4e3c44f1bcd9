"""``python -m wfmcourse``: the command line of :mod:`wfmcourse.apps.cli`."""
import sys

from wfmcourse.apps.cli import main

if __name__ == "__main__":
    sys.exit(main())
