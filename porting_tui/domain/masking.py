"""Masking of port-out secrets (PINs, account numbers) wherever an order is shown."""

from __future__ import annotations

from typing import Any

from porting_tui.domain.order_field_table import SECRET_PATHS

MASK = "•"


def mask(value: str, *, keep_last: int = 0) -> str:
    """``••••`` for a secret; with ``keep_last``, the last characters stay readable.

    The mask has a fixed length so that it does not reveal how long the secret is.
    """
    if not value:
        return ""
    if keep_last <= 0 or len(value) <= keep_last * 2:
        return MASK * 4
    return MASK * 4 + value[-keep_last:]


def is_secret_path(path: str) -> bool:
    return path in SECRET_PATHS


def _masked(node: dict[str, Any], path: str) -> dict[str, Any]:
    """A copy of ``node`` with the text at ``path`` masked; the rest shared, not copied."""
    name, _, rest = path.partition(".")
    value = node.get(name)
    if rest and isinstance(value, dict):
        return {**node, name: _masked(value, rest)}
    if not rest and isinstance(value, str):
        return {**node, name: mask(value)}
    return node


def mask_order_body(body: dict[str, Any]) -> dict[str, Any]:
    """A copy of an order request body with every secret field (PINs, accounts) masked."""
    masked = dict(body)
    numbers = body.get("phoneNumbers")
    if not isinstance(numbers, list):
        return masked
    masked_numbers: list[Any] = []
    for number in numbers:
        if isinstance(number, dict):
            number = dict(number)
            for path in sorted(SECRET_PATHS):
                number = _masked(number, path)
        masked_numbers.append(number)
    masked["phoneNumbers"] = masked_numbers
    return masked


_URL_SECRET_NAMES = ("secret", "token", "key", "pass", "auth", "sig")


def _secret_name(name: str) -> bool:
    return any(part in name.lower() for part in _URL_SECRET_NAMES)


def url_has_secret(url: str) -> bool:
    """Whether a URL carries a password or a query parameter named like a secret."""
    return mask_url_secrets(url) != url


def mask_url_secrets(url: str) -> str:
    """``url`` with its password and secret-named query values (``?secret=``) masked."""
    from urllib.parse import SplitResult, unquote_plus, urlsplit

    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url
    netloc = parts.netloc
    if password:
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}:{MASK * 4}@{host}"
    items = []
    for item in parts.query.split("&") if parts.query else []:
        name, equals, value = item.partition("=")
        if equals and value and _secret_name(unquote_plus(name)):
            item = f"{name}={MASK * 4}"
        items.append(item)
    query = "&".join(items)
    if netloc == parts.netloc and query == parts.query:
        return url
    return SplitResult(parts.scheme, netloc, parts.path, query, parts.fragment).geturl()
