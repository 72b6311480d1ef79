"""Allow ``python -m porting_tui``."""

from porting_tui.cli import main

if __name__ == "__main__":
    main()
