"""Losing carriers as the API names them: inside the activation group of each number.

The API has no carrier field on an order; Sinch groups numbers for activation by losing
carrier and names the group after it (``GW Verizon Wireless Grp1``). A group named some
other way is shown as it is rather than guessed at.
"""

from __future__ import annotations

import re

_GROUP_NAME = re.compile(r"^\s*(?:GW\s+)?(?P<carrier>.+?)\s+Grp\s*\d+\s*$", re.IGNORECASE)


def carrier_of_group(group: str) -> str:
    """``GW Verizon Wireless Grp1`` -> ``Verizon Wireless``; other names unchanged."""
    match = _GROUP_NAME.match(group)
    return match.group("carrier") if match else group.strip()
