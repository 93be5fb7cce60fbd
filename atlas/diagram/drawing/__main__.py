from atlas.diagram.drawing import main

raise SystemExit(main())
