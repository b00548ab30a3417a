from loopbaan.cli import main

raise SystemExit(main())
