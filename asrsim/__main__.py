import sys

from asrsim.cli import main

sys.exit(main())
