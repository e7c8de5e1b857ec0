import sys

from thucydides.cli import main

sys.exit(main())
