"""Allow ``python -m porting_tui``."""

from porting_tui.command import main

if __name__ == "__main__":
    main()
