"""`python -m checkout_integrity` is the `checkout-integrity` command."""

import sys

from checkout_integrity.cli import main

sys.exit(main())
